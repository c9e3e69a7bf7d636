using System.Reflection;
using Ckan.Core.Catalog;
using Ckan.Core.Model;

namespace Ckan.Core.Tests.Search;

/// <summary>
/// A catalog of datasets with only a name each, serving the reads of a search index rebuild: the count,
/// the id pages in id order and the dataset graphs. Any other catalog call fails the test.
/// </summary>
public sealed class PackageCatalog(int count) : ICatalogStore
{
    private readonly IReadOnlyList<PackageRow> _packages = Enumerable.Range(0, count)
        .Select(i => new PackageRow { Id = $"id-{i:D6}", Name = $"dataset-{i:D6}" })
        .ToList();

    public long ChangeVersion => 0;

    public IReadOnlyList<string> Ids => _packages.Select(package => package.Id).ToList();

    public Task<ICatalogSession> OpenSessionAsync(bool write, CancellationToken cancellationToken = default)
    {
        var session = DispatchProxy.Create<ICatalogSession, SessionProxy>();
        ((SessionProxy)(object)session).Catalog = this;
        return Task.FromResult(session);
    }

    private object? Handle(MethodInfo method, object?[] arguments) => method.Name switch
    {
        nameof(ICatalogSession.DisposeAsync) => ValueTask.CompletedTask,
        nameof(ICatalogSession.CountPackagesAsync) => Task.FromResult(_packages.Count),
        nameof(ICatalogSession.ListPackageStampsAsync) => Task.FromResult(
            ListStamps((string?)arguments[0], (int)arguments[1]!)),
        nameof(ICatalogSession.GetPackageGraphsAsync) => Task.FromResult(
            GetGraphs((IReadOnlyList<string>)arguments[0]!)),
        _ => throw new InvalidOperationException($"The test catalog does not implement {method.Name}."),
    };

    private IReadOnlyList<PackageStamp> ListStamps(string? afterId, int limit) => _packages
        .Where(package => afterId is null || string.CompareOrdinal(package.Id, afterId) > 0)
        .Take(limit)
        .Select(package => new PackageStamp(package.Id, package.MetadataModified))
        .ToList();

    private IReadOnlyList<PackageGraph> GetGraphs(IReadOnlyList<string> ids)
    {
        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        return _packages.Where(package => wanted.Contains(package.Id)).Select(ToGraph).ToList();
    }

    private static PackageGraph ToGraph(PackageRow package) => new()
    {
        Package = package,
        Resources = [],
        Extras = [],
        Tags = [],
        Groups = [],
    };

    /// <summary>Forwards every session call to the catalog that created it.</summary>
    public class SessionProxy : DispatchProxy
    {
        internal PackageCatalog? Catalog { get; set; }

        // DispatchProxy always passes the called method, and OpenSessionAsync sets Catalog on creation.
        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            Catalog!.Handle(targetMethod!, args ?? []);
    }
}
