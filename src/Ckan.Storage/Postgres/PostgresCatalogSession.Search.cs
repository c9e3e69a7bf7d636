using System.Globalization;
using System.Text;
using Ckan.Core.Catalog;
using Ckan.Core.Model;
using Dapper;

namespace Ckan.Storage.Postgres;

internal sealed partial class PostgresCatalogSession
{
    public async Task<PackageSearchPage> SearchPackagesAsync(
        PackageQuery query,
        CancellationToken cancellationToken = default)
    {
        var parameters = new DynamicParameters();
        var where = BuildSearchFilter(query, parameters);
        var count = await ScalarAsync<long>(
            $"SELECT count(*) FROM package p WHERE {where}", parameters, cancellationToken);

        parameters.Add("limit", query.Limit);
        parameters.Add("offset", query.Offset);
        var ids = await QueryAsync<string>(
            $"SELECT p.id FROM package p WHERE {where} ORDER BY {BuildOrder(query)} LIMIT @limit OFFSET @offset",
            parameters,
            cancellationToken);
        return new PackageSearchPage((int)count, ids);
    }

    public Task<IReadOnlyList<TagRow>> ListTagsAsync(
        string? query,
        string? vocabularyId,
        CancellationToken cancellationToken = default) =>
        QueryAsync<TagRow>(
            """
            SELECT DISTINCT t.id, t.name, t.vocabulary_id FROM tag t
            JOIN package_tag pt ON pt.tag_id = t.id AND pt.state = 'active'
            JOIN package p ON p.id = pt.package_id AND p.state = 'active' AND p.private IS NOT TRUE
            WHERE t.vocabulary_id IS NOT DISTINCT FROM @vocabularyId
              AND (@pattern::text IS NULL OR lower(t.name) LIKE @pattern ESCAPE '\')
            ORDER BY t.name
            """,
            new { vocabularyId, pattern = ContainsPattern(query) },
            cancellationToken);

    public Task<string?> FindVocabularyIdAsync(string idOrName, CancellationToken cancellationToken = default) =>
        ScalarAsync<string?>(
            "SELECT id FROM vocabulary WHERE id = @idOrName OR name = @idOrName LIMIT 1",
            new { idOrName },
            cancellationToken);

    private static string BuildSearchFilter(PackageQuery query, DynamicParameters parameters)
    {
        var where = new StringBuilder("p.state = ANY(@states)");
        parameters.Add("states", ToArray(query.States));

        if (!query.IncludePrivate)
        {
            where.Append(" AND p.private IS NOT TRUE");
        }
        else if (!query.IncludeAllPrivate)
        {
            where.Append(" AND (p.private IS NOT TRUE OR p.owner_org = ANY(@readableOrgs))");
            parameters.Add("readableOrgs", ToArray(query.ReadableOrganizationIds));
        }

        AddListFilter(where, parameters, "orgs", query.OrganizationNames,
            "p.owner_org IN (SELECT id FROM \"group\" WHERE name = ANY(@orgs) AND is_organization IS TRUE)");
        AddListFilter(where, parameters, "notOrgs", query.ExcludedOrganizationNames,
            """
            coalesce(p.owner_org, '') NOT IN (
                SELECT id FROM "group" WHERE name = ANY(@notOrgs) AND is_organization IS TRUE)
            """);
        AddListFilter(where, parameters, "groups", query.GroupNames,
            """
            p.id IN (SELECT m.table_id FROM member m JOIN "group" g ON g.id = m.group_id
                     WHERE m.table_name = 'package' AND m.state = 'active' AND g.name = ANY(@groups))
            """);
        AddListFilter(where, parameters, "names", query.Names, "p.name = ANY(@names)");
        AddListFilter(where, parameters, "ids", query.Ids, "p.id = ANY(@ids)");
        AddListFilter(where, parameters, "tags", query.Tags,
            """
            p.id IN (SELECT pt.package_id FROM package_tag pt JOIN tag t ON t.id = pt.tag_id
                     WHERE pt.state = 'active' AND t.name = ANY(@tags))
            """);
        AddListFilter(where, parameters, "notTags", query.ExcludedTags,
            """
            p.id NOT IN (SELECT pt.package_id FROM package_tag pt JOIN tag t ON t.id = pt.tag_id
                         WHERE pt.state = 'active' AND t.name = ANY(@notTags))
            """);

        for (var i = 0; i < query.Words.Count; i++)
        {
            var name = "word" + i.ToString(CultureInfo.InvariantCulture);
            parameters.Add(name, ContainsPattern(query.Words[i]));
            where.Append(CultureInfo.InvariantCulture, $"""
                 AND (lower(p.name) LIKE @{name} ESCAPE '\' OR lower(p.title) LIKE @{name} ESCAPE '\'
                      OR lower(p.notes) LIKE @{name} ESCAPE '\'
                      OR p.id IN (SELECT pt.package_id FROM package_tag pt JOIN tag t ON t.id = pt.tag_id
                                  WHERE pt.state = 'active' AND lower(t.name) LIKE @{name} ESCAPE '\'))
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

        parameters.Add(name, ToArray(values));
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
                "title" or "title_string" => "lower(coalesce(p.title, p.name))",
                "metadata_created" => "p.metadata_created",
                _ => "p.metadata_modified",
            };
            // Missing values sort as the smallest, as on SQLite.
            parts.Add(column + (descending ? " DESC NULLS LAST" : " ASC NULLS FIRST"));
        }

        parts.Add("p.name ASC");
        return string.Join(", ", parts);
    }

    // A LIKE pattern matching text that contains the value, lowered to compare with lower(column).
    // NOTE: lower() folds letters beyond ASCII only when the database's LC_CTYPE is a UTF-8 locale
    // (C.UTF-8, en_US.UTF-8). Under LC_CTYPE=C, "Über" does not find "über".
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(value))]
    private static string? ContainsPattern(string? value) =>
        value is null ? null : "%" + EscapeLike(value.ToLowerInvariant()) + "%";

    private static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
