using System.Text;
using Ckan.DataStore.Schema;

namespace Ckan.DataStore.Postgres;

/// <summary>
/// Writes the SQL <c>ckan datastore set-permissions</c> prints for a superuser to run with psql:
/// the write role owns the tables, the read-only role may only connect and SELECT, and nobody else
/// may create objects in the DataStore database.
/// </summary>
public static class PermissionsScript
{
    /// <summary>Returns the script for the three URLs (the catalog URL may be null when it is SQLite).</summary>
    /// <exception cref="InvalidOperationException">The write and read URLs name different databases.</exception>
    public static string Build(string? catalogUrl, string writeUrl, string readUrl)
    {
        var write = PostgresUrl.Parse(writeUrl);
        var read = PostgresUrl.Parse(readUrl);
        if (!string.Equals(write.Database, read.Database, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"ckan.datastore.write_url names database \"{write.Database}\" but ckan.datastore.read_url names "
                + $"\"{read.Database}\"; point both at the same DataStore database.");
        }

        var catalog = catalogUrl is not null && catalogUrl.StartsWith("postgres", StringComparison.Ordinal)
            ? PostgresUrl.Parse(catalogUrl)
            : null;
        var database = FieldNames.Quote(write.Database!);
        var writer = FieldNames.Quote(write.Username!);
        var reader = FieldNames.Quote(read.Username!);
        var script = new StringBuilder();
        script.AppendLine("\\connect " + database);
        script.AppendLine("REVOKE CREATE ON SCHEMA public FROM PUBLIC;");
        script.AppendLine("REVOKE USAGE ON SCHEMA public FROM PUBLIC;");
        if (catalog is not null)
        {
            script.AppendLine($"GRANT CREATE, USAGE ON SCHEMA public TO {FieldNames.Quote(catalog.Username!)};");
            script.AppendLine($"REVOKE CONNECT ON DATABASE {FieldNames.Quote(catalog.Database!)} FROM {reader};");
        }

        script.AppendLine($"GRANT CREATE, USAGE ON SCHEMA public TO {writer};");
        script.AppendLine($"GRANT CONNECT ON DATABASE {database} TO {reader};");
        script.AppendLine($"GRANT USAGE ON SCHEMA public TO {reader};");
        script.AppendLine($"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {reader};");
        script.AppendLine($"ALTER DEFAULT PRIVILEGES FOR USER {writer} IN SCHEMA public GRANT SELECT ON TABLES TO {reader};");
        script.AppendLine(PostgresObjects.TableMetadataView + ";");
        script.AppendLine($"ALTER VIEW \"_table_metadata\" OWNER TO {writer};");
        script.AppendLine($"GRANT SELECT ON \"_table_metadata\" TO {reader};");
        script.AppendLine(PostgresObjects.FullTextFunction + ";");
        script.AppendLine($"ALTER FUNCTION populate_full_text_trigger() OWNER TO {writer};");
        script.AppendLine(AddMissingTriggers);
        return script.ToString();
    }

    // Tables created before the function existed get the trigger too, so their rows stay searchable.
    private const string AddMissingTriggers = """
        DO $body$
        DECLARE
            missing record;
        BEGIN
            FOR missing IN
                SELECT c.relname FROM pg_class c
                WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace
                    AND EXISTS (SELECT 1 FROM pg_attribute a
                        WHERE a.attrelid = c.oid AND a.attname = '_full_text' AND NOT a.attisdropped)
                    AND NOT EXISTS (SELECT 1 FROM pg_trigger t
                        WHERE t.tgrelid = c.oid AND t.tgname = 'zfulltext')
            LOOP
                EXECUTE format('CREATE TRIGGER zfulltext BEFORE INSERT OR UPDATE ON %I '
                    'FOR EACH ROW EXECUTE PROCEDURE populate_full_text_trigger()', missing.relname);
            END LOOP;
        END;
        $body$;
        """;
}
