using System.Globalization;
using System.Text;
using Ckan.Core.Catalog;
using Ckan.Core.Model;
using Dapper;

namespace Ckan.Storage.Sqlite;

internal sealed partial class SqliteCatalogSession
{
    private const string PackageColumns = """
        id, name, title, version, url, author, author_email, maintainer, maintainer_email, notes,
        license_id, type, owner_org, creator_user_id, metadata_created, metadata_modified, private,
        state, plugin_data
        """;

    protected override string PackageRowColumns => PackageColumns;

    protected override string RequestedIds => "SELECT value FROM json_each(@ids)";

    protected override string ResourceTieBreaker => "rowid";

    public override Task<PackageRow?> GetPackageAsync(string idOrName, CancellationToken cancellationToken = default) =>
        QuerySingleAsync<PackageRow>(
            $"""
            SELECT {PackageColumns} FROM package WHERE id = @idOrName
            UNION ALL
            SELECT {PackageColumns} FROM package WHERE name = @idOrName AND id <> @idOrName
            LIMIT 1
            """,
            new { idOrName },
            cancellationToken);

    public Task<PackageRow?> FindPackageByNameAsync(string name, CancellationToken cancellationToken = default) =>
        QuerySingleAsync<PackageRow>(
            $"SELECT {PackageColumns} FROM package WHERE name = @name",
            new { name },
            cancellationToken);

    public Task InsertPackageAsync(PackageRow package, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            $"""
            INSERT INTO package ({PackageColumns}) VALUES (
                @Id, @Name, @Title, @Version, @Url, @Author, @AuthorEmail, @Maintainer, @MaintainerEmail,
                @Notes, @LicenseId, @Type, @OwnerOrg, @CreatorUserId, @MetadataCreated, @MetadataModified,
                @Private, @State, @PluginData)
            """,
            package,
            cancellationToken);

    public Task UpdatePackageAsync(PackageRow package, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            """
            UPDATE package SET name = @Name, title = @Title, version = @Version, url = @Url,
                author = @Author, author_email = @AuthorEmail, maintainer = @Maintainer,
                maintainer_email = @MaintainerEmail, notes = @Notes, license_id = @LicenseId, type = @Type,
                owner_org = @OwnerOrg, creator_user_id = @CreatorUserId, metadata_created = @MetadataCreated,
                metadata_modified = @MetadataModified, private = @Private, state = @State,
                plugin_data = @PluginData
            WHERE id = @Id
            """,
            package,
            cancellationToken);

    public async Task ReplacePackageExtrasAsync(
        string packageId,
        IReadOnlyList<ExtraRow> extras,
        CancellationToken cancellationToken = default)
    {
        await ExecuteAsync("DELETE FROM package_extra WHERE package_id = @packageId", new { packageId }, cancellationToken);
        foreach (var extra in extras)
        {
            await ExecuteAsync(
                "INSERT INTO package_extra (id, package_id, key, value, state) VALUES (@id, @packageId, @key, @value, 'active')",
                new { id = NewId(), packageId, key = extra.Key, value = extra.Value },
                cancellationToken);
        }
    }

    public async Task ReplacePackageTagsAsync(
        string packageId,
        IReadOnlyList<TagReference> tags,
        CancellationToken cancellationToken = default)
    {
        await ExecuteAsync("DELETE FROM package_tag WHERE package_id = @packageId", new { packageId }, cancellationToken);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            var tagId = await ScalarAsync<string?>(
                "SELECT id FROM tag WHERE name = @Name AND ifnull(vocabulary_id, '') = ifnull(@VocabularyId, '')",
                tag,
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
              AND group_id IN (SELECT id FROM "group" WHERE is_organization = 0)
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
                await ExecuteAsync("UPDATE resource SET state = 'deleted' WHERE id = @id", new { id }, cancellationToken);
            }
        }
    }

    private const string InsertResourceSql = """
        INSERT INTO resource (id, package_id, url, format, description, hash, position, name, resource_type,
            mimetype, mimetype_inner, size, created, last_modified, metadata_modified, cache_url,
            cache_last_updated, url_type, extras, state)
        VALUES (@Id, @PackageId, @Url, @Format, @Description, @Hash, @Position, @Name, @ResourceType,
            @Mimetype, @MimetypeInner, @Size, @Created, @LastModified, @MetadataModified, @CacheUrl,
            @CacheLastUpdated, @UrlType, @Extras, @State)
        """;

    private const string UpdateResourceSql = """
        UPDATE resource SET package_id = @PackageId, url = @Url, format = @Format, description = @Description,
            hash = @Hash, position = @Position, name = @Name, resource_type = @ResourceType,
            mimetype = @Mimetype, mimetype_inner = @MimetypeInner, size = @Size, created = @Created,
            last_modified = @LastModified, metadata_modified = @MetadataModified, cache_url = @CacheUrl,
            cache_last_updated = @CacheLastUpdated, url_type = @UrlType, extras = @Extras, state = @State
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
            WHERE state <> 'deleted' AND (@afterId IS NULL OR id > @afterId)
            ORDER BY id LIMIT @limit
            """,
            new { afterId, limit },
            cancellationToken);

    public Task<int> CountPackagesAsync(CancellationToken cancellationToken = default) =>
        ScalarAsync<int>("SELECT count(*) FROM package WHERE state <> 'deleted'", null, cancellationToken);

    public Task<IReadOnlyList<string>> ListPackageNamesAsync(
        int? limit,
        int offset,
        CancellationToken cancellationToken = default) =>
        QueryAsync<string>(
            """
            SELECT name FROM package WHERE state = 'active' AND private = 0 AND type = 'dataset'
            ORDER BY name LIMIT @limit OFFSET @offset
            """,
            new { limit = limit ?? -1, offset },
            cancellationToken);

    public async Task<PackageSearchPage> SearchPackagesAsync(
        PackageQuery query,
        CancellationToken cancellationToken = default)
    {
        var parameters = new DynamicParameters();
        var where = BuildSearchFilter(query, parameters);
        var count = await ScalarAsync<long>($"SELECT count(*) FROM package p WHERE {where}", parameters, cancellationToken);

        parameters.Add("limit", query.Limit);
        parameters.Add("offset", query.Offset);
        var ids = await QueryAsync<string>(
            $"SELECT p.id FROM package p WHERE {where} ORDER BY {BuildOrder(query)} LIMIT @limit OFFSET @offset",
            parameters,
            cancellationToken);
        return new PackageSearchPage((int)count, ids);
    }

    private static string BuildSearchFilter(PackageQuery query, DynamicParameters parameters)
    {
        var where = new StringBuilder("p.state IN @states");
        parameters.Add("states", query.States);

        if (!query.IncludePrivate)
        {
            where.Append(" AND p.private = 0");
        }
        else if (!query.IncludeAllPrivate)
        {
            where.Append(" AND (p.private = 0 OR p.owner_org IN @readableOrgs)");
            parameters.Add("readableOrgs", query.ReadableOrganizationIds);
        }

        AddListFilter(where, parameters, "orgs", query.OrganizationNames,
            "p.owner_org IN (SELECT id FROM \"group\" WHERE name IN @orgs AND is_organization = 1)");
        AddListFilter(where, parameters, "notOrgs", query.ExcludedOrganizationNames,
            "ifnull(p.owner_org, '') NOT IN (SELECT id FROM \"group\" WHERE name IN @notOrgs AND is_organization = 1)");
        AddListFilter(where, parameters, "groups", query.GroupNames,
            """
            p.id IN (SELECT m.table_id FROM member m JOIN "group" g ON g.id = m.group_id
                     WHERE m.table_name = 'package' AND m.state = 'active' AND g.name IN @groups)
            """);
        AddListFilter(where, parameters, "names", query.Names, "p.name IN @names");
        AddListFilter(where, parameters, "ids", query.Ids, "p.id IN @ids");
        AddListFilter(where, parameters, "tags", query.Tags,
            """
            p.id IN (SELECT pt.package_id FROM package_tag pt JOIN tag t ON t.id = pt.tag_id
                     WHERE pt.state = 'active' AND t.name IN @tags)
            """);
        AddListFilter(where, parameters, "notTags", query.ExcludedTags,
            """
            p.id NOT IN (SELECT pt.package_id FROM package_tag pt JOIN tag t ON t.id = pt.tag_id
                         WHERE pt.state = 'active' AND t.name IN @notTags)
            """);

        for (var i = 0; i < query.Words.Count; i++)
        {
            var name = "word" + i.ToString(CultureInfo.InvariantCulture);
            parameters.Add(name, ContainsPattern(query.Words[i]));
            where.Append(CultureInfo.InvariantCulture, $"""
                 AND (casefold(p.name) LIKE @{name} ESCAPE '\' OR casefold(p.title) LIKE @{name} ESCAPE '\'
                      OR casefold(p.notes) LIKE @{name} ESCAPE '\'
                      OR p.id IN (SELECT pt.package_id FROM package_tag pt JOIN tag t ON t.id = pt.tag_id
                                  WHERE pt.state = 'active' AND casefold(t.name) LIKE @{name} ESCAPE '\'))
                """);
        }

        return where.ToString();
    }

    private static void AddListFilter(
        StringBuilder where,
        DynamicParameters parameters,
        string name,
        IReadOnlyList<string> values,
        string condition)
    {
        if (values.Count == 0)
        {
            return;
        }

        parameters.Add(name, values);
        where.Append(" AND ").Append(condition);
    }

    private static string BuildOrder(PackageQuery query)
    {
        var parts = new List<string>();
        foreach (var (field, descending) in query.Sort)
        {
            var column = field switch
            {
                "name" => "p.name",
                "title" or "title_string" => "lower(ifnull(p.title, p.name))",
                "metadata_created" => "p.metadata_created",
                _ => "p.metadata_modified",
            };
            parts.Add(column + (descending ? " DESC" : " ASC"));
        }

        parts.Add("p.name ASC");
        return string.Join(", ", parts);
    }

    // A LIKE pattern matching text that contains the value, lowered to compare with casefold(column).
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(value))]
    private static string? ContainsPattern(string? value) =>
        value is null ? null : "%" + EscapeLike(value.ToLowerInvariant()) + "%";

    private static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);

    public Task<int> CountPackagesCreatedByAsync(string userId, CancellationToken cancellationToken = default) =>
        ScalarAsync<int>(
            "SELECT count(*) FROM package WHERE creator_user_id = @userId AND state = 'active' AND private = 0",
            new { userId },
            cancellationToken);

    public Task<IReadOnlyList<TagRow>> ListTagsAsync(
        string? query,
        string? vocabularyId,
        CancellationToken cancellationToken = default) =>
        QueryAsync<TagRow>(
            """
            SELECT DISTINCT t.id, t.name, t.vocabulary_id FROM tag t
            JOIN package_tag pt ON pt.tag_id = t.id AND pt.state = 'active'
            JOIN package p ON p.id = pt.package_id AND p.state = 'active' AND p.private = 0
            WHERE ifnull(t.vocabulary_id, '') = ifnull(@vocabularyId, '')
              AND (@pattern IS NULL OR casefold(t.name) LIKE @pattern ESCAPE '\')
            ORDER BY t.name
            """,
            new { vocabularyId, pattern = ContainsPattern(query) },
            cancellationToken);

    public Task<string?> FindVocabularyIdAsync(string idOrName, CancellationToken cancellationToken = default) =>
        ScalarAsync<string?>(
            "SELECT id FROM vocabulary WHERE id = @idOrName OR name = @idOrName LIMIT 1",
            new { idOrName },
            cancellationToken);
}
