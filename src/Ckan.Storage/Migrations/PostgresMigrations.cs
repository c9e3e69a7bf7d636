namespace Ckan.Storage.Migrations;

/// <summary>
/// The PostgreSQL catalog schema as ordered migrations. Tables, columns, column types and nullability are
/// CKAN 2.11's (<c>timestamp without time zone</c> holding naive UTC, <c>boolean</c>, <c>jsonb</c> plugin
/// data), so a data-only <c>pg_dump</c> of a CKAN table, which names its columns in each COPY, restores
/// into the same table here.
/// </summary>
/// <remarks>
/// The <c>"user"</c> columns also keep the order in which CKAN's migrations added them, so that a dump
/// made with <c>--inserts</c>, whose INSERT statements list values by position, restores as well.
/// </remarks>
internal static class PostgresMigrations
{
    /// <summary>The channel the change triggers notify; stores listen on it to see other processes' writes.</summary>
    public const string ChangeChannel = "ckan_catalog_changed";

    /// <summary>Migrations in the order they apply; a name is never reused or changed once released.</summary>
    public static IReadOnlyList<(string Name, string Sql)> All { get; } =
    [
        ("0001_core_catalog", CoreCatalog),
        ("0002_change_notifications", ChangeNotifications),
        ("0003_showcase", Showcase),
    ];

    private const string CoreCatalog = """
        CREATE TABLE package (
            id text PRIMARY KEY,
            name varchar(100) NOT NULL UNIQUE,
            title text,
            version varchar(100),
            url text,
            author text,
            author_email text,
            maintainer text,
            maintainer_email text,
            notes text,
            license_id text,
            type text NOT NULL DEFAULT 'dataset',
            owner_org text,
            creator_user_id text,
            metadata_created timestamp,
            metadata_modified timestamp,
            private boolean DEFAULT false,
            state text NOT NULL DEFAULT 'active',
            plugin_data jsonb
        );
        CREATE INDEX idx_pkg_sid ON package (id, state);
        CREATE INDEX idx_pkg_sname ON package (name, state);
        CREATE INDEX idx_pkg_stitle ON package (title, state);
        CREATE INDEX idx_package_creator_user_id ON package (creator_user_id);
        CREATE INDEX idx_package_owner_org ON package (owner_org, state);
        CREATE INDEX idx_package_metadata_modified ON package (metadata_modified);

        CREATE TABLE resource (
            id text PRIMARY KEY,
            package_id text NOT NULL REFERENCES package (id),
            url text NOT NULL,
            format text,
            description text,
            hash text,
            position integer,
            name text,
            resource_type text,
            mimetype text,
            mimetype_inner text,
            size bigint,
            created timestamp,
            last_modified timestamp,
            metadata_modified timestamp,
            cache_url text,
            cache_last_updated timestamp,
            url_type text,
            extras text,
            state text NOT NULL DEFAULT 'active'
        );
        CREATE INDEX idx_resource_package_id ON resource (package_id, state);

        CREATE TABLE package_extra (
            id text PRIMARY KEY,
            package_id text NOT NULL REFERENCES package (id),
            key text NOT NULL,
            value text,
            state text NOT NULL DEFAULT 'active'
        );
        CREATE INDEX idx_package_extra_package_id ON package_extra (package_id);

        CREATE TABLE vocabulary (
            id text PRIMARY KEY,
            name varchar(100) NOT NULL UNIQUE
        );

        CREATE TABLE tag (
            id text PRIMARY KEY,
            name varchar(100) NOT NULL,
            vocabulary_id varchar(100) REFERENCES vocabulary (id),
            UNIQUE (name, vocabulary_id)
        );

        CREATE TABLE package_tag (
            id text PRIMARY KEY,
            package_id text NOT NULL REFERENCES package (id),
            tag_id text NOT NULL REFERENCES tag (id),
            state text NOT NULL DEFAULT 'active'
        );
        CREATE INDEX idx_package_tag_package_id ON package_tag (package_id);
        CREATE INDEX idx_package_tag_tag_id ON package_tag (tag_id);

        CREATE TABLE "group" (
            id text PRIMARY KEY,
            name text NOT NULL UNIQUE,
            title text,
            type text NOT NULL,
            description text,
            image_url text,
            created timestamp,
            is_organization boolean DEFAULT false,
            approval_status text,
            state text NOT NULL DEFAULT 'active'
        );

        CREATE TABLE group_extra (
            id text PRIMARY KEY,
            group_id text NOT NULL REFERENCES "group" (id),
            key text NOT NULL,
            value text,
            state text NOT NULL DEFAULT 'active'
        );
        CREATE INDEX idx_group_extra_group_id ON group_extra (group_id);

        CREATE TABLE member (
            id text PRIMARY KEY,
            table_name text NOT NULL,
            table_id text NOT NULL,
            capacity text NOT NULL,
            group_id text REFERENCES "group" (id),
            state text NOT NULL DEFAULT 'active'
        );
        CREATE INDEX idx_member_table ON member (table_id, table_name, state);
        CREATE INDEX idx_member_group_id ON member (group_id, table_name);

        CREATE TABLE "user" (
            id text PRIMARY KEY,
            name text NOT NULL UNIQUE,
            apikey text,
            created timestamp,
            about text,
            password text,
            fullname text,
            email text,
            reset_key text,
            sysadmin boolean DEFAULT false,
            activity_streams_email_notifications boolean DEFAULT false,
            state text NOT NULL DEFAULT 'active',
            plugin_extras jsonb,
            image_url text,
            last_active timestamp
        );
        CREATE UNIQUE INDEX idx_only_one_active_email ON "user" (email, state) WHERE state = 'active';

        CREATE TABLE api_token (
            id text PRIMARY KEY,
            name text,
            user_id text REFERENCES "user" (id),
            created_at timestamp NOT NULL,
            last_access timestamp,
            plugin_extras jsonb
        );
        CREATE INDEX idx_api_token_user_id ON api_token (user_id);

        CREATE TABLE package_relationship (
            id text PRIMARY KEY,
            subject_package_id text REFERENCES package (id),
            object_package_id text REFERENCES package (id),
            type text,
            comment text,
            state text
        );

        CREATE TABLE package_member (
            package_id text NOT NULL REFERENCES package (id),
            user_id text NOT NULL REFERENCES "user" (id),
            capacity text NOT NULL,
            modified timestamp NOT NULL,
            PRIMARY KEY (package_id, user_id)
        );

        CREATE TABLE resource_view (
            id text PRIMARY KEY,
            resource_id text REFERENCES resource (id),
            title text,
            description text,
            view_type text NOT NULL,
            "order" integer NOT NULL,
            config text
        );

        CREATE TABLE task_status (
            id text PRIMARY KEY,
            entity_id text NOT NULL,
            entity_type text NOT NULL,
            task_type text NOT NULL,
            key text NOT NULL,
            value text NOT NULL,
            state text,
            error text,
            last_updated timestamp,
            UNIQUE (entity_id, task_type, key)
        );

        CREATE TABLE system_info (
            id serial PRIMARY KEY,
            key varchar(100) NOT NULL UNIQUE,
            value text,
            state text NOT NULL DEFAULT 'active'
        );
        """;

    // Statement triggers, not a NOTIFY sent by our own sessions, so that every writer is seen: a second
    // server, the CLI, a psql session or a pg_restore. PostgreSQL folds identical notifications of one
    // transaction into one and delivers it only on commit, so a rolled-back write stays silent.
    private const string ChangeNotifications = $$"""
        CREATE FUNCTION ckan_catalog_notify_change() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            PERFORM pg_notify('{{ChangeChannel}}', '');
            RETURN NULL;
        END
        $body$;

        DO $body$
        DECLARE
            catalog_table text;
        BEGIN
            FOREACH catalog_table IN ARRAY ARRAY[
                'package', 'resource', 'package_extra', 'vocabulary', 'tag', 'package_tag', 'group',
                'group_extra', 'member', 'user', 'api_token', 'package_relationship', 'package_member',
                'resource_view', 'task_status', 'system_info']
            LOOP
                EXECUTE format(
                    'CREATE TRIGGER ckan_catalog_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
                    'FOR EACH STATEMENT EXECUTE FUNCTION ckan_catalog_notify_change()',
                    catalog_table);
            END LOOP;
        END
        $body$;
        """;

    // The tables of the showcase plugin, with ckanext-showcase's names and columns.
    private const string Showcase = """
        CREATE TABLE showcase_package_association (
            package_id text NOT NULL REFERENCES package (id) ON DELETE CASCADE,
            showcase_id text NOT NULL REFERENCES package (id) ON DELETE CASCADE,
            PRIMARY KEY (package_id, showcase_id)
        );
        CREATE INDEX idx_showcase_package_association_showcase ON showcase_package_association (showcase_id);

        CREATE TABLE showcase_admin (
            user_id text PRIMARY KEY REFERENCES "user" (id) ON DELETE CASCADE
        );
        """;
}
