using Ckan.Core.Model;

namespace Ckan.Storage.Postgres;

internal sealed partial class PostgresCatalogSession
{
    private const string PackageColumns = """
        id, name, title, version, url, author, author_email, maintainer, maintainer_email, notes,
        license_id, type, owner_org, creator_user_id, metadata_created, metadata_modified, private,
        state, plugin_data::text AS plugin_data
        """;

    public override Task<PackageRow?> GetPackageAsync(string idOrName, CancellationToken cancellationToken = default) =>
        QuerySingleAsync<PackageRow>(
            $"""
            (SELECT {PackageColumns} FROM package WHERE id = @idOrName)
            UNION ALL
            (SELECT {PackageColumns} FROM package WHERE name = @idOrName AND id <> @idOrName)
            LIMIT 1
            """,
            new { idOrName },
            cancellationToken);

    public Task<PackageRow?> FindPackageByNameAsync(string name, CancellationToken cancellationToken = default) =>
        QuerySingleAsync<PackageRow>(
            $"SELECT {PackageColumns} FROM package WHERE name = @name",
            new { name },
            cancellationToken);

    protected override string PackageRowColumns => PackageColumns;

    protected override string RequestedIds => "SELECT json_array_elements_text(@ids::json)";

    protected override string ResourceTieBreaker => "id";

    public Task InsertPackageAsync(PackageRow package, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            """
            INSERT INTO package (id, name, title, version, url, author, author_email, maintainer,
                maintainer_email, notes, license_id, type, owner_org, creator_user_id, metadata_created,
                metadata_modified, private, state, plugin_data)
            VALUES (@Id, @Name, @Title, @Version, @Url, @Author, @AuthorEmail, @Maintainer, @MaintainerEmail,
                @Notes, @LicenseId, @Type, @OwnerOrg, @CreatorUserId, @MetadataCreated::timestamp,
                @MetadataModified::timestamp, @Private, @State, @PluginData::jsonb)
            """,
            package,
            cancellationToken);

    public Task UpdatePackageAsync(PackageRow package, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            """
            UPDATE package SET name = @Name, title = @Title, version = @Version, url = @Url,
                author = @Author, author_email = @AuthorEmail, maintainer = @Maintainer,
                maintainer_email = @MaintainerEmail, notes = @Notes, license_id = @LicenseId, type = @Type,
                owner_org = @OwnerOrg, creator_user_id = @CreatorUserId,
                metadata_created = @MetadataCreated::timestamp,
                metadata_modified = @MetadataModified::timestamp, private = @Private, state = @State,
                plugin_data = @PluginData::jsonb
            WHERE id = @Id
            """,
            package,
            cancellationToken);

    public async Task ReplacePackageExtrasAsync(
        string packageId,
        IReadOnlyList<ExtraRow> extras,
        CancellationToken cancellationToken = default)
    {
        await ExecuteAsync(
            "DELETE FROM package_extra WHERE package_id = @packageId", new { packageId }, cancellationToken);
        foreach (var extra in extras)
        {
            await ExecuteAsync(
                """
                INSERT INTO package_extra (id, package_id, key, value, state)
                VALUES (@id, @packageId, @key, @value, 'active')
                """,
                new { id = NewId(), packageId, key = extra.Key, value = extra.Value },
                cancellationToken);
        }
    }

    public async Task ReplacePackageTagsAsync(
        string packageId,
        IReadOnlyList<TagReference> tags,
        CancellationToken cancellationToken = default)
    {
        await ExecuteAsync(
            "DELETE FROM package_tag WHERE package_id = @packageId", new { packageId }, cancellationToken);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            var tagId = await ScalarAsync<string?>(
                "SELECT id FROM tag WHERE name = @Name AND vocabulary_id IS NOT DISTINCT FROM @VocabularyId",
                new { tag.Name, tag.VocabularyId },
                cancellationToken);
            if (tagId is null)
            {
                tagId = NewId();
                await ExecuteAsync(
                    "INSERT INTO tag (id, name, vocabulary_id) VALUES (@tagId, @Name, @VocabularyId)",
                    new { tagId, tag.Name, tag.VocabularyId },
                    cancellationToken);
            }

            if (!seen.Add(tagId))
            {
                continue;
            }

            await ExecuteAsync(
                "INSERT INTO package_tag (id, package_id, tag_id, state) VALUES (@id, @packageId, @tagId, 'active')",
                new { id = NewId(), packageId, tagId },
                cancellationToken);
        }
    }

    public async Task ReplacePackageGroupsAsync(
        string packageId,
        IReadOnlyList<string> groupIds,
        CancellationToken cancellationToken = default)
    {
        await ExecuteAsync(
            """
            DELETE FROM member WHERE table_name = 'package' AND table_id = @packageId
              AND group_id IN (SELECT id FROM "group" WHERE is_organization IS NOT TRUE)
            """,
            new { packageId },
            cancellationToken);
        foreach (var groupId in groupIds.Distinct(StringComparer.Ordinal))
        {
            await ExecuteAsync(
                """
                INSERT INTO member (id, table_name, table_id, capacity, group_id, state)
                VALUES (@id, 'package', @packageId, 'public', @groupId, 'active')
                """,
                new { id = NewId(), packageId, groupId },
                cancellationToken);
        }
    }

    public async Task SaveResourcesAsync(
        string packageId,
        IReadOnlyList<ResourceRow> resources,
        CancellationToken cancellationToken = default)
    {
        var existing = (await QueryAsync<(string Id, string State)>(
                "SELECT id, state FROM resource WHERE package_id = @packageId", new { packageId }, cancellationToken))
            .ToDictionary(row => row.Id, row => row.State, StringComparer.Ordinal);
        var kept = new HashSet<string>(StringComparer.Ordinal);

        foreach (var resource in resources)
        {
            kept.Add(resource.Id);
            var sql = existing.ContainsKey(resource.Id) ? UpdateResourceSql : InsertResourceSql;
            await ExecuteAsync(sql, resource, cancellationToken);
        }

        foreach (var (id, state) in existing)
        {
            if (kept.Contains(id))
            {
                continue;
            }

            if (string.Equals(state, "deleted", StringComparison.Ordinal))
            {
                await ExecuteAsync("DELETE FROM resource_view WHERE resource_id = @id", new { id }, cancellationToken);
                await ExecuteAsync("DELETE FROM resource WHERE id = @id", new { id }, cancellationToken);
            }
            else
            {
                await ExecuteAsync(
                    "UPDATE resource SET state = 'deleted' WHERE id = @id", new { id }, cancellationToken);
            }
        }
    }

    private const string InsertResourceSql = """
        INSERT INTO resource (id, package_id, url, format, description, hash, position, name, resource_type,
            mimetype, mimetype_inner, size, created, last_modified, metadata_modified, cache_url,
            cache_last_updated, url_type, extras, state)
        VALUES (@Id, @PackageId, @Url, @Format, @Description, @Hash, @Position, @Name, @ResourceType,
            @Mimetype, @MimetypeInner, @Size, @Created::timestamp, @LastModified::timestamp,
            @MetadataModified::timestamp, @CacheUrl, @CacheLastUpdated::timestamp, @UrlType, @Extras, @State)
        """;

    private const string UpdateResourceSql = """
        UPDATE resource SET package_id = @PackageId, url = @Url, format = @Format, description = @Description,
            hash = @Hash, position = @Position, name = @Name, resource_type = @ResourceType,
            mimetype = @Mimetype, mimetype_inner = @MimetypeInner, size = @Size,
            created = @Created::timestamp, last_modified = @LastModified::timestamp,
            metadata_modified = @MetadataModified::timestamp, cache_url = @CacheUrl,
            cache_last_updated = @CacheLastUpdated::timestamp, url_type = @UrlType, extras = @Extras,
            state = @State
        WHERE id = @Id
        """;

    public Task<ResourceRow?> GetResourceAsync(string id, CancellationToken cancellationToken = default) =>
        QuerySingleAsync<ResourceRow>("SELECT * FROM resource WHERE id = @id", new { id }, cancellationToken);

    public async Task PurgePackageAsync(string packageId, CancellationToken cancellationToken = default)
    {
        string[] statements =
        [
            "DELETE FROM resource_view WHERE resource_id IN (SELECT id FROM resource WHERE package_id = @packageId)",
            "DELETE FROM resource WHERE package_id = @packageId",
            "DELETE FROM package_extra WHERE package_id = @packageId",
            "DELETE FROM package_tag WHERE package_id = @packageId",
            "DELETE FROM member WHERE table_name = 'package' AND table_id = @packageId",
            "DELETE FROM package_member WHERE package_id = @packageId",
            """
            DELETE FROM package_relationship
            WHERE subject_package_id = @packageId OR object_package_id = @packageId
            """,
            "DELETE FROM package WHERE id = @packageId",
        ];
        foreach (var sql in statements)
        {
            await ExecuteAsync(sql, new { packageId }, cancellationToken);
        }
    }

    public Task<IReadOnlyList<PackageStamp>> ListPackageStampsAsync(
        string? afterId,
        int limit,
        CancellationToken cancellationToken = default) =>
        QueryAsync<PackageStamp>(
            """
            SELECT id AS Id, metadata_modified AS MetadataModified FROM package
            WHERE state <> 'deleted' AND (@afterId::text IS NULL OR id > @afterId)
            ORDER BY id LIMIT @limit
            """,
            new { afterId, limit },
            cancellationToken);

    public Task<int> CountPackagesAsync(CancellationToken cancellationToken = default) =>
        ScalarAsync<int>("SELECT count(*)::int FROM package WHERE state <> 'deleted'", null, cancellationToken);

    public Task<IReadOnlyList<string>> ListPackageNamesAsync(
        int? limit,
        int offset,
        CancellationToken cancellationToken = default) =>
        QueryAsync<string>(
            """
            SELECT name FROM package WHERE state = 'active' AND private IS NOT TRUE AND type = 'dataset'
            ORDER BY name LIMIT @limit OFFSET @offset
            """,
            new { limit, offset },
            cancellationToken);

    public Task<int> CountPackagesCreatedByAsync(string userId, CancellationToken cancellationToken = default) =>
        ScalarAsync<int>(
            """
            SELECT count(*)::int FROM package
            WHERE creator_user_id = @userId AND state = 'active' AND private IS NOT TRUE
            """,
            new { userId },
            cancellationToken);
}
