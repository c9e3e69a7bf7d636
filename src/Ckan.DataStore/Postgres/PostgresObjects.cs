namespace Ckan.DataStore.Postgres;

/// <summary>
/// The SQL of the objects every DataStore database contains beside the resource tables: the
/// <c>_table_metadata</c> view listing tables and aliases, and the trigger function that fills
/// <c>_full_text</c>. Shared by the store's start-up and <c>ckan datastore set-permissions</c>.
/// </summary>
public static class PostgresObjects
{
    /// <summary>
    /// Lists every table and view of the public schema; a view's <c>alias_of</c> names the table it
    /// reads, as CKAN's view of the same name does.
    /// </summary>
    public const string TableMetadataView = """
        CREATE OR REPLACE VIEW "_table_metadata" AS
            SELECT DISTINCT
                substr(md5(source.relname || COALESCE(target.relname, '')), 0, 17) AS "_id",
                source.relname AS name,
                source.oid AS oid,
                target.relname AS alias_of
            FROM pg_class AS source
                LEFT JOIN pg_rewrite AS rule ON rule.ev_class = source.oid
                LEFT JOIN pg_depend AS dependency ON dependency.objid = rule.oid
                LEFT JOIN pg_class AS target ON dependency.refobjid = target.oid
            WHERE (source.oid != target.oid OR target.oid IS NULL)
                AND source.relkind IN ('r', 'v')
                AND source.relnamespace = 'public'::regnamespace
            ORDER BY source.oid DESC
        """;

    /// <summary>
    /// Fills <c>_full_text</c> from every user column when a row is written without it, so rows written
    /// by any client stay searchable; writers clear it to have it recomputed.
    /// </summary>
    public const string FullTextFunction = """
        CREATE OR REPLACE FUNCTION populate_full_text_trigger() RETURNS trigger AS $body$
        BEGIN
            IF NEW._full_text IS NOT NULL THEN
                RETURN NEW;
            END IF;
            NEW._full_text := (
                SELECT to_tsvector(string_agg(value, ' '))
                FROM json_each_text(row_to_json(NEW.*))
                WHERE key NOT LIKE '\_%');
            RETURN NEW;
        END;
        $body$ LANGUAGE plpgsql
        """;

    /// <summary>Returns the statement adding the full-text trigger to a table.</summary>
    public static string FullTextTrigger(string quotedTable) =>
        $"CREATE TRIGGER zfulltext BEFORE INSERT OR UPDATE ON {quotedTable} "
        + "FOR EACH ROW EXECUTE PROCEDURE populate_full_text_trigger()";
}
