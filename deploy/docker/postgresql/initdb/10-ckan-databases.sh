#!/usr/bin/env bash
# Creates the catalog database and the DataStore database, both owned by the portal's role, and the
# DataStore's read-only role. Until `ckan datastore set-permissions` grants it more, the read-only role
# can connect to the DataStore database but has no rights on its tables.
set -euo pipefail

: "${POSTGRES_PASSWORD:?Set POSTGRES_PASSWORD or POSTGRES_PASSWORD_FILE, the password of the role ckan}"
: "${DATASTORE_READONLY_PASSWORD:?Set DATASTORE_READONLY_PASSWORD or its _FILE form, for the read-only role}"

# psql's :'name' and :"name" quote the values as a literal and as an identifier.
psql -v ON_ERROR_STOP=1 -q -U postgres -d postgres \
    -v owner="${CKAN_DB_USER:-ckan}" \
    -v owner_password="$POSTGRES_PASSWORD" \
    -v catalog="${CKAN_DB:-ckan}" \
    -v datastore="${DATASTORE_DB:-datastore}" \
    -v reader="${DATASTORE_READONLY_USER:-datastore_ro}" \
    -v reader_password="$DATASTORE_READONLY_PASSWORD" <<'SQL'
CREATE ROLE :"owner" LOGIN PASSWORD :'owner_password';
CREATE ROLE :"reader" LOGIN PASSWORD :'reader_password';
CREATE DATABASE :"catalog" OWNER :"owner" ENCODING 'UTF8' TEMPLATE template0;
CREATE DATABASE :"datastore" OWNER :"owner" ENCODING 'UTF8' TEMPLATE template0;
REVOKE ALL ON DATABASE :"catalog" FROM PUBLIC;
REVOKE ALL ON DATABASE :"datastore" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"catalog" TO :"owner";
GRANT CONNECT, TEMPORARY ON DATABASE :"datastore" TO :"owner";
GRANT CONNECT ON DATABASE :"datastore" TO :"reader";
SQL
