using System.Text.Json.Nodes;
using Ckan.Core.Errors;
using Ckan.Plugins.Spatial.Geometry;
using Ckan.Plugins.Spatial.Validation;
using Npgsql;

namespace Ckan.Plugins.Spatial.Postgis;

/// <summary>
/// The <c>package_extent</c> table in the PostgreSQL catalog, as ckanext-spatial's PostGIS backend kept it:
/// one WGS 84 geometry (SRID 4326) per dataset with a <c>spatial</c> extra, with a GiST index.
/// </summary>
public sealed class PackageExtentTable(string connectionString)
{
    /// <summary>The table's name, shared with ckanext-spatial's PostGIS backend.</summary>
    public const string Name = "package_extent";

    private const string MissingTableAdvice =
        "The package_extent table does not exist in the catalog database; run `ckan spatial initdb`.";

    /// <summary>
    /// Creates the PostGIS extension when missing, then the table and its index, and records the extent of
    /// every dataset that is not deleted. Returns the number of extents recorded and the number of invalid
    /// <c>spatial</c> values skipped. Safe to run again: it rewrites the table's rows.
    /// </summary>
    public async Task<(int Recorded, int Skipped)> InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await CreateExtensionAsync(connection, cancellationToken);
        await using (var create = new NpgsqlCommand(
            """
            CREATE TABLE IF NOT EXISTS package_extent (
                package_id text PRIMARY KEY,
                the_geom geometry(Geometry, 4326) NOT NULL
            );
            CREATE INDEX IF NOT EXISTS idx_package_extent_the_geom ON package_extent USING gist (the_geom);
            """,
            connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var values = new List<(string Id, string Text)>();
        await using (var select = new NpgsqlCommand(
            """
            SELECT e.package_id, e.value FROM package_extra e JOIN package p ON p.id = e.package_id
            WHERE e.key = 'spatial' AND e.state = 'active' AND p.state <> 'deleted'
            """,
            connection))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                values.Add((reader.GetString(0), reader.IsDBNull(1) ? "" : reader.GetString(1)));
            }
        }

        var extents = values.Where(value => SpatialValue.Parse(value.Text).Error is null).ToList();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var clear = new NpgsqlCommand("DELETE FROM package_extent", connection, transaction))
        {
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var (id, text) in extents)
        {
            await UpsertAsync(connection, transaction, id, text, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return (extents.Count, values.Count - extents.Count);
    }

    /// <summary>
    /// Records the extents of indexed datasets (removing those without a valid <c>spatial</c> value) and
    /// removes those of deleted datasets, in one transaction.
    /// </summary>
    public async Task SaveAsync(
        IReadOnlyList<JsonObject> datasets,
        IReadOnlyList<string> removedIds,
        CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            foreach (var dataset in datasets)
            {
                var id = dataset["id"]?.GetValue<string>() ?? "";
                var text = SpatialExtraReader.Read(dataset);
                if (text is not null && SpatialValue.Parse(text).Error is null)
                {
                    await UpsertAsync(connection, transaction, id, text, cancellationToken);
                }
                else
                {
                    await DeleteAsync(connection, transaction, [id], cancellationToken);
                }
            }

            await DeleteAsync(connection, transaction, removedIds, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            throw new SearchIndexException(MissingTableAdvice, error);
        }
    }

    /// <summary>
    /// Returns the id and bounding box of every dataset whose geometry intersects <paramref name="box"/>;
    /// unlike the index backend, the geometry itself must meet the box, not only its bounding box.
    /// </summary>
    public async Task<IReadOnlyList<(string Id, BoundingBox Extent)>> FindIntersectingAsync(
        BoundingBox box,
        CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT package_id, ST_XMin(the_geom), ST_YMin(the_geom), ST_XMax(the_geom), ST_YMax(the_geom)
            FROM package_extent
            WHERE ST_Intersects(the_geom, ST_MakeEnvelope(@minx, @miny, @maxx, @maxy, 4326))
            """,
            connection);
        command.Parameters.AddWithValue("minx", box.MinX);
        command.Parameters.AddWithValue("miny", box.MinY);
        command.Parameters.AddWithValue("maxx", box.MaxX);
        command.Parameters.AddWithValue("maxy", box.MaxY);
        var found = new List<(string, BoundingBox)>();
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var extent = new BoundingBox(
                    reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetDouble(4));
                found.Add((reader.GetString(0), extent));
            }
        }
        catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            throw new SearchIndexException(MissingTableAdvice, error);
        }

        return found;
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task CreateExtensionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS postgis", connection);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException error)
        {
            throw new InvalidOperationException(
                $"Cannot create the PostGIS extension in the catalog database: {error.MessageText}. Install "
                + "PostGIS on the server (Debian: postgresql-15-postgis-3) and run `CREATE EXTENSION postgis;` "
                + "in that database as a superuser, then run `ckan spatial initdb` again.",
                error);
        }
    }

    private static async Task UpsertAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string id,
        string geoJson,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO package_extent (package_id, the_geom)
            VALUES (@id, ST_SetSRID(ST_GeomFromGeoJSON(@geometry), 4326))
            ON CONFLICT (package_id) DO UPDATE SET the_geom = EXCLUDED.the_geom
            """,
            connection,
            transaction);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("geometry", geoJson);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task DeleteAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        IReadOnlyList<string> ids,
        CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand(
            "DELETE FROM package_extent WHERE package_id = ANY(@ids)", connection, transaction);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
