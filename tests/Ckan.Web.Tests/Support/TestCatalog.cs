using Ckan.Storage.Postgres;
using Ckan.Tests.Shared;

namespace Ckan.Web.Tests.Support;

/// <summary>
/// Chooses the catalog backend of every <see cref="TestPortal"/>: SQLite in the portal's folder by default,
/// or, with <c>CKAN_TEST_CATALOG=postgresql</c>, a new database in the cluster named by
/// <c>CKAN_TEST_POSTGRES</c> (an admin URL), dropped when the portal stops.
/// </summary>
public static class TestCatalog
{
    public const string BackendVariable = "CKAN_TEST_CATALOG";

    /// <summary>Whether this run puts the portals' catalogs on PostgreSQL.</summary>
    public static bool IsPostgres =>
        string.Equals(Environment.GetEnvironmentVariable(BackendVariable), "postgresql", StringComparison.Ordinal);

    /// <summary>
    /// Returns the <c>sqlalchemy.url</c> for a new portal: a SQLite file in <paramref name="folder"/>, or
    /// a new PostgreSQL database when the run selects that backend.
    /// </summary>
    public static async Task<string> CreateAsync(string folder, CancellationToken cancellationToken) =>
        IsPostgres
            ? await CreatePostgresDatabaseAsync(cancellationToken)
            : "sqlite:///" + Path.Combine(folder, "ckan.db");

    /// <summary>
    /// Creates an empty database in the test cluster and returns its URL. Without the cluster the test is
    /// skipped, unless <c>CI=true</c> or the run selected the PostgreSQL backend: then the test fails.
    /// </summary>
    public static Task<string> CreatePostgresDatabaseAsync(CancellationToken cancellationToken) =>
        PostgresTestCluster.CreateDatabaseAsync(required: IsPostgres, cancellationToken);

    /// <summary>Drops the database behind a PostgreSQL URL, closing its connections. Ignores SQLite URLs.</summary>
    public static Task DropAsync(string url) =>
        PostgresUrl.IsPostgres(url) ? PostgresTestCluster.DropDatabaseAsync(url) : Task.CompletedTask;
}
