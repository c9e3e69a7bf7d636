using System.Reflection;
using Ckan.Core.Catalog;
using Ckan.Core.Model;

namespace Ckan.Core.Tests.Search;

/// <summary>
/// A catalog holding a fixed list of groups that records the name of every session method called.
/// Group lookups return groups from the list. Any other catalog call fails the test.
/// </summary>
public sealed class RecordingCatalog(IReadOnlyList<GroupRow> groups) : ICatalogStore
{
    private readonly List<string> _calls = [];

    public IReadOnlyList<string> Calls => _calls;

    public long ChangeVersion => 0;

    public Task<ICatalogSession> OpenSessionAsync(bool write, CancellationToken cancellationToken = default)
    {
        var session = DispatchProxy.Create<ICatalogSession, SessionProxy>();
        ((SessionProxy)(object)session).Catalog = this;
        return Task.FromResult(session);
    }

    private object? Handle(MethodInfo method, object?[] arguments)
    {
        _calls.Add(method.Name);
        return method.Name switch
        {
            nameof(ICatalogSession.DisposeAsync) => ValueTask.CompletedTask,
            nameof(ICatalogSession.GetGroupAsync) => Task.FromResult(
                groups.FirstOrDefault(group => group.Id == (string)arguments[0]! || group.Name == (string)arguments[0]!)),
            nameof(ICatalogSession.GetGroupsByNameAsync) => Task.FromResult<IReadOnlyDictionary<string, GroupRow>>(
                groups
                    .Where(group => ((IReadOnlyCollection<string>)arguments[0]!).Contains(group.Name))
                    .ToDictionary(group => group.Name)),
            _ => throw new InvalidOperationException($"The test catalog does not implement {method.Name}."),
        };
    }

    /// <summary>Forwards every session call to the catalog that created it.</summary>
    public class SessionProxy : DispatchProxy
    {
        internal RecordingCatalog? Catalog { get; set; }

        // DispatchProxy always passes the called method, and OpenSessionAsync sets Catalog on creation.
        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            Catalog!.Handle(targetMethod!, args ?? []);
    }
}
