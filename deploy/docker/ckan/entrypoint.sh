#!/usr/bin/env bash
# Prepares the portal container, then runs its command (`ckan run` unless another is given).
#
# Each step is one function, called in order at the end of this file:
#   read_secret_files          NAME_FILE variables (Docker secrets) set NAME
#   create_config              production.ini in the ckan_config volume, made once with a random SECRET_KEY
#   write_settings             the environment's settings written into production.ini on every start
#   create_plugins_folder      the folder named by ckan.plugins_folder, when it is missing
#   upgrade_catalog            `ckan db upgrade`
#   set_datastore_permissions  `ckan datastore set-permissions | psql`, once per DataStore database
#   create_sysadmin            the sysadmin named by CKAN_SYSADMIN_NAME, when a password is given
#   create_datapusher_token    an API token for the DataPusher service, when ckan.datapusher.url is set
#
# A failing step stops the container with its message: a stack that starts has a working database,
# rather than one that fails on the first request.
set -euo pipefail

config=${CKAN_INI:-/etc/ckan/production.ini}
db_host=${POSTGRES_HOST:-db}
catalog_db=${CKAN_DB:-ckan}
catalog_user=${CKAN_DB_USER:-ckan}
datastore_db=${DATASTORE_DB:-datastore}
datastore_reader=${DATASTORE_READONLY_USER:-datastore_ro}

# Variables that may come from a file instead, as NAME_FILE=/run/secrets/...
secret_variables=(
    POSTGRES_PASSWORD DATASTORE_READONLY_PASSWORD
    CKAN_SQLALCHEMY_URL CKAN_DATASTORE_WRITE_URL CKAN_DATASTORE_READ_URL CKAN_REDIS_URL
    CKAN_SECRET_KEY CKAN_SYSADMIN_PASSWORD CKAN_SMTP_PASSWORD CKAN_DATAPUSHER_API_TOKEN
)

log() {
    printf 'ckan-entrypoint: %s\n' "$*" >&2
}

fail() {
    log "$*"
    exit 1
}

read_secret_files() {
    local name file_variable file
    for name in "${secret_variables[@]}"; do
        file_variable="${name}_FILE"
        file=${!file_variable:-}
        if [ -z "$file" ]; then
            continue
        fi
        if [ -n "${!name:-}" ]; then
            fail "Both $name and $file_variable are set. Keep one of them."
        fi
        if [ ! -r "$file" ]; then
            fail "$file_variable names $file, which user $(id -un) cannot read. Check the secret's file mode."
        fi
        # Command substitution drops the final newline that editors add to secret files.
        printf -v "$name" '%s' "$(cat "$file")"
        export "${name?}"
    done
}

# Percent-encodes a password for use inside a postgresql:// URL.
url_encode() {
    local LC_ALL=C text=$1 encoded="" char i
    for ((i = 0; i < ${#text}; i++)); do
        char=${text:i:1}
        case $char in
        [a-zA-Z0-9._~-]) encoded+=$char ;;
        *) encoded+=$(printf '%%%02X' "'$char") ;;
        esac
    done
    printf '%s' "$encoded"
}

postgres_url() {
    local user=$1 password=$2 database=$3
    printf 'postgresql://%s:%s@%s/%s' "$user" "$(url_encode "$password")" "$db_host" "$database"
}

# Prints an option of the effective configuration (file plus environment), with secrets masked.
effective_option() {
    ckan config show | sed -n "s/^$1 = //p"
}

has_plugin() {
    local plugin
    for plugin in $(effective_option ckan.plugins); do
        if [ "$plugin" = "$1" ]; then
            return 0
        fi
    done
    return 1
}

create_config() {
    if [ -f "$config" ]; then
        return
    fi
    log "Creating $config"
    ckan generate config "$config" >/dev/null
    chmod 0600 "$config"
}

write_settings() {
    local -a settings=()

    # Unset URLs point at the db service of this stack; an explicit URL (sqlite:///... included) wins.
    if [ -z "${CKAN_SQLALCHEMY_URL:-}" ]; then
        : "${POSTGRES_PASSWORD:?Set POSTGRES_PASSWORD, or CKAN_SQLALCHEMY_URL with the full catalog URL}"
        CKAN_SQLALCHEMY_URL=$(postgres_url "$catalog_user" "$POSTGRES_PASSWORD" "$catalog_db")
    fi
    settings+=("sqlalchemy.url=$CKAN_SQLALCHEMY_URL")

    add_setting ckan.plugins "${CKAN__PLUGINS:-}"
    add_setting ckan.site_url "${CKAN_SITE_URL:-}"
    add_setting ckan.site_id "${CKAN_SITE_ID:-}"
    add_setting ckan.storage_path "${CKAN_STORAGE_PATH:-}"
    add_setting ckan.max_resource_size "${CKAN_MAX_UPLOAD_SIZE_MB:-}"
    add_setting ckan.redis.url "${CKAN_REDIS_URL:-}"
    add_setting solr_url "${CKAN_SOLR_URL:-}"
    add_setting ckan.datapusher.url "${CKAN_DATAPUSHER_URL:-}"
    add_setting ckan.datapusher.api_token "${CKAN_DATAPUSHER_API_TOKEN:-}"
    add_setting SECRET_KEY "${CKAN_SECRET_KEY:-}"
    add_setting smtp.server "${CKAN_SMTP_SERVER:-}"
    add_setting smtp.starttls "${CKAN_SMTP_STARTTLS:-}"
    add_setting smtp.user "${CKAN_SMTP_USER:-}"
    add_setting smtp.password "${CKAN_SMTP_PASSWORD:-}"
    add_setting smtp.mail_from "${CKAN_SMTP_MAIL_FROM:-}"
    write_options "${settings[@]}"

    if has_plugin datastore; then
        if [ -z "${CKAN_DATASTORE_WRITE_URL:-}" ]; then
            : "${POSTGRES_PASSWORD:?Set POSTGRES_PASSWORD, or CKAN_DATASTORE_WRITE_URL, for the datastore plugin}"
            CKAN_DATASTORE_WRITE_URL=$(postgres_url "$catalog_user" "$POSTGRES_PASSWORD" "$datastore_db")
        fi
        if [ -z "${CKAN_DATASTORE_READ_URL:-}" ]; then
            : "${DATASTORE_READONLY_PASSWORD:?Set DATASTORE_READONLY_PASSWORD, or CKAN_DATASTORE_READ_URL}"
            CKAN_DATASTORE_READ_URL=$(postgres_url "$datastore_reader" "$DATASTORE_READONLY_PASSWORD" "$datastore_db")
        fi
        settings=()
        add_setting ckan.datastore.write_url "$CKAN_DATASTORE_WRITE_URL"
        add_setting ckan.datastore.read_url "$CKAN_DATASTORE_READ_URL"
        write_options "${settings[@]}"
    fi

    write_password_file
}

# Appends KEY=VALUE to the caller's settings when VALUE is not empty.
add_setting() {
    if [ -n "$2" ]; then
        settings+=("$1=$2")
    fi
}

# The ini reader expands %(name)s, so a literal % (a percent-encoded password) is written as %%.
write_options() {
    local -a escaped=()
    local setting
    for setting in "$@"; do
        escaped+=("${setting//%/%%}")
    done
    ckan config-tool "$config" "${escaped[@]}" >/dev/null
}

# ~/.pgpass lets `psql -h db -U ckan` inside this container log in without typing the password.
write_password_file() {
    local pgpass=$HOME/.pgpass
    : >"$pgpass"
    chmod 0600 "$pgpass"
    if [ -n "${POSTGRES_PASSWORD:-}" ]; then
        printf '%s:5432:*:%s:%s\n' "$db_host" "$catalog_user" "$(pgpass_escape "$POSTGRES_PASSWORD")" >>"$pgpass"
    fi
    if [ -n "${DATASTORE_READONLY_PASSWORD:-}" ]; then
        printf '%s:5432:%s:%s:%s\n' "$db_host" "$datastore_db" "$datastore_reader" \
            "$(pgpass_escape "$DATASTORE_READONLY_PASSWORD")" >>"$pgpass"
    fi
}

pgpass_escape() {
    local text=${1//\\/\\\\}
    printf '%s' "${text//:/\\:}"
}

# A ckan_home volume made before the folder was configured lacks it, and the portal stops on a missing
# plugins folder.
create_plugins_folder() {
    local folder
    folder=$(effective_option ckan.plugins_folder)
    if [ -n "$folder" ] && [ ! -d "$folder" ]; then
        log "Creating the plugins folder $folder"
        mkdir -p "$folder"
    fi
}

upgrade_catalog() {
    log "Upgrading the catalog schema"
    ckan db upgrade
}

set_datastore_permissions() {
    if ! has_plugin datastore; then
        return
    fi
    case ${CKAN_DATASTORE_WRITE_URL:-} in
    postgresql://* | postgres://*) ;;
    *) return ;; # A SQLite DataStore has no roles to grant.
    esac

    # The view exists once set-permissions has run against this database, so a new pg_data volume
    # gets its permissions again while a restart does not repeat them.
    local done_before
    done_before=$(psql "$CKAN_DATASTORE_WRITE_URL" -tAc "SELECT to_regclass('public._table_metadata') IS NOT NULL")
    if [ "$done_before" = "t" ]; then
        return
    fi
    log "Granting DataStore permissions (ckan datastore set-permissions | psql)"
    ckan datastore set-permissions | psql -v ON_ERROR_STOP=1 -q "$CKAN_DATASTORE_WRITE_URL"
}

create_sysadmin() {
    if [ -z "${CKAN_SYSADMIN_NAME:-}" ]; then
        return
    fi
    if [ -z "${CKAN_SYSADMIN_PASSWORD:-}" ]; then
        fail "CKAN_SYSADMIN_NAME is set but CKAN_SYSADMIN_PASSWORD is not. Set both, or unset the name."
    fi
    if [ -z "${CKAN_SYSADMIN_EMAIL:-}" ]; then
        fail "CKAN_SYSADMIN_NAME is set but CKAN_SYSADMIN_EMAIL is not. A new user needs an email address."
    fi
    log "Making $CKAN_SYSADMIN_NAME a sysadmin"
    ckan sysadmin add "$CKAN_SYSADMIN_NAME" "email=$CKAN_SYSADMIN_EMAIL" \
        "password=$CKAN_SYSADMIN_PASSWORD" </dev/null >/dev/null
}

# Only an external DataPusher (ckan.datapusher.url) needs a token: in-process loads call no API.
create_datapusher_token() {
    if ! has_plugin datapusher || [ -z "$(effective_option ckan.datapusher.url)" ] ||
        [ -n "$(effective_option ckan.datapusher.api_token)" ]; then
        return
    fi
    if [ -z "${CKAN_SYSADMIN_NAME:-}" ]; then
        fail "The datapusher plugin needs ckan.datapusher.api_token. Set CKAN_DATAPUSHER_API_TOKEN, or " \
            "CKAN_SYSADMIN_NAME and CKAN_SYSADMIN_PASSWORD so that a token is made for that sysadmin."
    fi
    log "Creating the DataPusher's API token for $CKAN_SYSADMIN_NAME"
    local token
    local -a settings=()
    token=$(ckan user token add "$CKAN_SYSADMIN_NAME" datapusher -q)
    add_setting ckan.datapusher.api_token "$token"
    write_options "${settings[@]}"
}

read_secret_files
create_config
write_settings
create_plugins_folder
upgrade_catalog
set_datastore_permissions
create_sysadmin
create_datapusher_token
log "Starting: $*"
exec "$@"
