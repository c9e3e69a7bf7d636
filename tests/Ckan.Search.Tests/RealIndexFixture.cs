using System.Text;
using System.Text.Json.Nodes;
using Ckan.Core.Search;
using Ckan.Search.Lucene;

[assembly: AssemblyFixture(typeof(Ckan.Search.Tests.RealIndexFixture))]

namespace Ckan.Search.Tests;

/// <summary>
/// One index of every real dataset (label "public"), plus private and draft copies of some of them, shared
/// read-only by the tests that query it. The copies carry values no public dataset has (organization
/// secret-org, tag secret-tag, format SECRETFMT, license secret-license, extra secret), so a leak shows in
/// results and facets. NOW is fixed at <see cref="Now"/>.
/// </summary>
public sealed class RealIndexFixture : IDisposable
{
    public const string PrivateLabel = "member-secret-org-id";
    public const string DraftLabel = "creator-drafter";

    public static readonly DateTimeOffset Now = new(2023, 9, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly Lazy<RealIndex> _index;
    private readonly TemporaryFolder _folder = new();

    public RealIndexFixture()
    {
        _index = new Lazy<RealIndex>(Build);
    }

    /// <summary>Returns the index, building it on first use; skips the test when the real data is absent.</summary>
    public RealIndex Require()
    {
        RealDatasets.Require();
        return _index.Value;
    }

    public void Dispose()
    {
        if (_index.IsValueCreated)
        {
            _index.Value.Index.Dispose();
        }

        _folder.Dispose();
    }

    private RealIndex Build()
    {
        var real = RealDatasets.Require();
        var index = new LuceneSearchIndex(_folder.Path, new FixedClock(Now));
        var publicDatasets = real.Select(dataset => dataset.Dictionary).ToList();
        var privateCopies = real.Where((_, position) => position % 97 == 5)
            .Select((dataset, number) => PrivateCopy(dataset.Dictionary, number))
            .ToList();
        var draftCopies = real.Where((_, position) => position % 211 == 7)
            .Select((dataset, number) => DraftCopy(dataset.Dictionary, number))
            .ToList();

        var batch = real
            .Select(dataset => new IndexedDataset
            {
                Dictionary = dataset.Dictionary,
                Json = Encoding.UTF8.GetBytes(dataset.Line),
                PermissionLabels = ["public"],
            })
            .Concat(privateCopies.Select(copy => DatasetFactory.Indexed(copy, PrivateLabel)))
            .Concat(draftCopies.Select(copy => DatasetFactory.Indexed(copy, DraftLabel)))
            .ToList();
        index.IndexAsync(batch, TestContext.Current.CancellationToken).GetAwaiter().GetResult();
        return new RealIndex(index, real, publicDatasets, privateCopies, draftCopies);
    }

    private static JsonObject PrivateCopy(JsonObject original, int number)
    {
        var copy = original.DeepClone().AsObject();
        copy["id"] = $"00000000-0000-4000-8000-{number:D12}";
        copy["name"] = $"private-copy-{number}";
        copy["title"] = $"Hiddenword copy {number}";
        copy["private"] = true;
        copy["license_id"] = "secret-license";
        copy["metadata_modified"] = "2023-08-31T00:00:00.000000";
        copy["organization"] = new JsonObject
        {
            ["id"] = "secret-org-id",
            ["name"] = "secret-org",
            ["title"] = "Secret",
        };
        copy["owner_org"] = "secret-org-id";
        copy["tags"]!.AsArray().Add(new JsonObject { ["name"] = "secret-tag", ["vocabulary_id"] = null });
        copy["groups"]!.AsArray().Add(new JsonObject { ["name"] = "secret-group" });
        copy["resources"]!.AsArray().Add(new JsonObject { ["name"] = "Hidden file", ["format"] = "SECRETFMT" });
        copy["extras"] = new JsonArray(new JsonObject { ["key"] = "secret", ["value"] = "yes" });
        return copy;
    }

    private static JsonObject DraftCopy(JsonObject original, int number)
    {
        var copy = original.DeepClone().AsObject();
        copy["id"] = $"00000000-0000-4000-9000-{number:D12}";
        copy["name"] = $"draft-copy-{number}";
        copy["state"] = "draft";
        return copy;
    }
}

/// <summary>The shared index and the dictionaries in it, split by who may see them.</summary>
public sealed record RealIndex(
    LuceneSearchIndex Index,
    IReadOnlyList<RealDataset> Lines,
    IReadOnlyList<JsonObject> Public,
    IReadOnlyList<JsonObject> Private,
    IReadOnlyList<JsonObject> Drafts)
{
    /// <summary>Runs a search with the given request, returning the ids of the hits in order.</summary>
    public async Task<(SearchResult Result, IReadOnlyList<string> Ids)> SearchAsync(SearchRequest request)
    {
        var result = await Index.SearchAsync(request, TestContext.Current.CancellationToken);
        return (result, result.Results.Select(DatasetFactory.IdOf).ToList());
    }

    /// <summary>Returns the ids of every hit of a query, in id order.</summary>
    public async Task<IReadOnlyList<string>> AllIdsAsync(string query, params string[] filters)
    {
        var (_, ids) = await SearchAsync(new SearchRequest { Query = query, Filters = filters, Rows = 100_000 });
        return ids.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Returns the ids of the public datasets that satisfy the predicate, in id order.</summary>
    public IReadOnlyList<string> PublicIds(Func<JsonObject, bool> predicate) =>
        Public.Where(predicate).Select(DatasetFacts.Id).Order(StringComparer.Ordinal).ToList();
}
