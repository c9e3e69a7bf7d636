namespace Ckan.Storage.Migrations;

/// <summary>
/// The SQLite catalog schema as ordered migrations. Tables and columns carry CKAN's names so that data
/// moves between CKAN and this catalog without renaming; timestamps are text in
/// <c>yyyy-MM-ddTHH:mm:ss.ffffff</c> form (naive UTC), so text order is time order.
/// </summary>
internal static class SqliteMigrations
{
    /// <summary>Migrations in the order they apply; a name is never reused or changed once released.</summary>
    public static IReadOnlyList<(string Name, string Sql)> All { get; } =
    [
        ("0001_core_catalog", CoreCatalog),
        ("0002_showcase", Showcase),
    ];

    private const string CoreCatalog = """
        CREATE TABLE package (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            title TEXT,
            version TEXT,
            url TEXT,
            author TEXT,
            author_email TEXT,
            maintainer TEXT,
            maintainer_email TEXT,
            notes TEXT,
            license_id TEXT,
            type TEXT NOT NULL DEFAULT 'dataset',
            owner_org TEXT,
            creator_user_id TEXT,
            metadata_created TEXT,
            metadata_modified TEXT,
            private INTEGER NOT NULL DEFAULT 0,
            state TEXT NOT NULL DEFAULT 'active',
            plugin_data TEXT
        );
        CREATE INDEX idx_package_owner_org ON package (owner_org, state);
        CREATE INDEX idx_package_creator_user_id ON package (creator_user_id);
        CREATE INDEX idx_package_metadata_modified ON package (metadata_modified);

        CREATE TABLE resource (
            id TEXT PRIMARY KEY,
            package_id TEXT NOT NULL REFERENCES package (id),
            url TEXT NOT NULL,
            format TEXT,
            description TEXT,
            hash TEXT,
            position INTEGER,
            name TEXT,
            resource_type TEXT,
            mimetype TEXT,
            mimetype_inner TEXT,
            size INTEGER,
            created TEXT,
            last_modified TEXT,
            metadata_modified TEXT,
            cache_url TEXT,
            cache_last_updated TEXT,
            url_type TEXT,
            extras TEXT,
            state TEXT NOT NULL DEFAULT 'active'
        );
        CREATE INDEX idx_resource_package_id ON resource (package_id, state);

        CREATE TABLE package_extra (
            id TEXT PRIMARY KEY,
            package_id TEXT NOT NULL REFERENCES package (id),
            key TEXT NOT NULL,
            value TEXT,
            state TEXT NOT NULL DEFAULT 'active'
        );
        CREATE INDEX idx_package_extra_package_id ON package_extra (package_id);

        CREATE TABLE vocabulary (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL UNIQUE
        );

        CREATE TABLE tag (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            vocabulary_id TEXT REFERENCES vocabulary (id)
        );
        CREATE UNIQUE INDEX idx_tag_name_vocabulary ON tag (name, ifnull(vocabulary_id, ''));

        CREATE TABLE package_tag (
            id TEXT PRIMARY KEY,
            package_id TEXT NOT NULL REFERENCES package (id),
            tag_id TEXT NOT NULL REFERENCES tag (id),
            state TEXT NOT NULL DEFAULT 'active'
        );
        CREATE INDEX idx_package_tag_package_id ON package_tag (package_id);
        CREATE INDEX idx_package_tag_tag_id ON package_tag (tag_id);

        CREATE TABLE "group" (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            title TEXT,
            type TEXT NOT NULL,
            description TEXT,
            image_url TEXT,
            created TEXT,
            is_organization INTEGER NOT NULL DEFAULT 0,
            approval_status TEXT,
            state TEXT NOT NULL DEFAULT 'active'
        );

        CREATE TABLE group_extra (
            id TEXT PRIMARY KEY,
            group_id TEXT NOT NULL REFERENCES "group" (id),
            key TEXT NOT NULL,
            value TEXT,
            state TEXT NOT NULL DEFAULT 'active'
        );
        CREATE INDEX idx_group_extra_group_id ON group_extra (group_id);

        CREATE TABLE member (
            id TEXT PRIMARY KEY,
            table_name TEXT NOT NULL,
            table_id TEXT NOT NULL,
            capacity TEXT NOT NULL,
            group_id TEXT REFERENCES "group" (id),
            state TEXT NOT NULL DEFAULT 'active'
        );
        CREATE INDEX idx_member_table ON member (table_id, table_name, state);
        CREATE INDEX idx_member_group_id ON member (group_id, table_name);

        CREATE TABLE "user" (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            password TEXT,
            fullname TEXT,
            email TEXT,
            apikey TEXT,
            created TEXT,
            reset_key TEXT,
            about TEXT,
            last_active TEXT,
            activity_streams_email_notifications INTEGER NOT NULL DEFAULT 0,
            sysadmin INTEGER NOT NULL DEFAULT 0,
            state TEXT NOT NULL DEFAULT 'active',
            image_url TEXT,
            plugin_extras TEXT
        );
        CREATE UNIQUE INDEX idx_only_one_active_email ON "user" (email, state) WHERE state = 'active';

        CREATE TABLE api_token (
            id TEXT PRIMARY KEY,
            name TEXT,
            user_id TEXT REFERENCES "user" (id),
            created_at TEXT NOT NULL,
            last_access TEXT,
            plugin_extras TEXT
        );
        CREATE INDEX idx_api_token_user_id ON api_token (user_id);

        CREATE TABLE package_relationship (
            id TEXT PRIMARY KEY,
            subject_package_id TEXT REFERENCES package (id),
            object_package_id TEXT REFERENCES package (id),
            type TEXT,
            comment TEXT,
            state TEXT
        );

        CREATE TABLE package_member (
            package_id TEXT NOT NULL REFERENCES package (id),
            user_id TEXT NOT NULL REFERENCES "user" (id),
            capacity TEXT NOT NULL,
            modified TEXT NOT NULL,
            PRIMARY KEY (package_id, user_id)
        );

        CREATE TABLE resource_view (
            id TEXT PRIMARY KEY,
            resource_id TEXT REFERENCES resource (id),
            title TEXT,
            description TEXT,
            view_type TEXT NOT NULL,
            "order" INTEGER NOT NULL,
            config TEXT
        );

        CREATE TABLE task_status (
            id TEXT PRIMARY KEY,
            entity_id TEXT NOT NULL,
            entity_type TEXT NOT NULL,
            task_type TEXT NOT NULL,
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            state TEXT,
            error TEXT,
            last_updated TEXT,
            UNIQUE (entity_id, task_type, key)
        );

        CREATE TABLE system_info (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            key TEXT NOT NULL UNIQUE,
            value TEXT,
            state TEXT NOT NULL DEFAULT 'active'
        );
        """;

    // The tables of the showcase plugin, with ckanext-showcase's names and columns.
    private const string Showcase = """
        CREATE TABLE showcase_package_association (
            package_id TEXT NOT NULL REFERENCES package (id) ON DELETE CASCADE,
            showcase_id TEXT NOT NULL REFERENCES package (id) ON DELETE CASCADE,
            PRIMARY KEY (package_id, showcase_id)
        );
        CREATE INDEX idx_showcase_package_association_showcase ON showcase_package_association (showcase_id);

        CREATE TABLE showcase_admin (
            user_id TEXT PRIMARY KEY REFERENCES "user" (id) ON DELETE CASCADE
        );
        """;
}
