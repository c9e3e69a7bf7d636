#!/usr/bin/env bash
# End-to-end test of the Docker Compose stack, used as an operator would use it. It builds the images,
# starts the stack and waits until every service is healthy. It creates a sysadmin, an organization
# and a dataset through the CLI and the API, restarts the stack and checks that the data is kept.
# At the end it removes what it made: containers, volumes, the images it built and the Docker daemon
# it started.
#
#   deploy/docker/e2e.sh [--catalog server|embedded]
#
# --catalog server (the default) runs the stack as docker-compose.yml ships it: catalog and DataStore
# in the db service, and the CSV upload check. --catalog embedded keeps the catalog in a SQLite file in
# the ckan_home volume and turns the DataStore off, which exercises the same images, volumes and
# entrypoint steps without the PostgreSQL catalog.
#
# Needs root (it installs docker.io, docker-compose and debootstrap when missing and may start dockerd)
# and the .NET SDK. The portal is published on 127.0.0.1:$CKAN_E2E_PORT (default 55080).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
catalog=server
case "${1:-}" in
"") ;;
--catalog)
    catalog=${2:?usage: e2e.sh [--catalog server|embedded]}
    ;;
*)
    echo "usage: e2e.sh [--catalog server|embedded]" >&2
    exit 2
    ;;
esac
case "$catalog" in
server | embedded) ;;
*)
    echo "Unknown catalog \"$catalog\": use server or embedded." >&2
    exit 2
    ;;
esac

project=ckan-e2e
port=${CKAN_E2E_PORT:-55080}
api=http://127.0.0.1:$port/api/3/action
work=$(mktemp -d)
env_file=$work/e2e.env
dockerd_pid=
base_image=debian:bookworm-slim
base_image_existed=no
started=$(date +%s)
steps_passed=0

compose() {
    docker-compose -p "$project" -f "$here/docker-compose.yml" --env-file "$env_file" "$@"
}

log() {
    printf 'e2e: %s\n' "$*" >&2
}

fail() {
    log "FAILED: $*"
    exit 1
}

# Runs one step and prints how long it took.
step() {
    local name=$1 begin
    shift
    begin=$(date +%s)
    log "$name ..."
    "$@"
    log "$name took $(($(date +%s) - begin)) s"
    steps_passed=$((steps_passed + 1))
}

install_packages() {
    local missing=()
    command -v dockerd >/dev/null || missing+=(docker.io)
    command -v docker-compose >/dev/null || missing+=(docker-compose)
    command -v debootstrap >/dev/null || missing+=(debootstrap)
    command -v iptables >/dev/null || missing+=(iptables)
    command -v curl >/dev/null || missing+=(curl)
    command -v jq >/dev/null || missing+=(jq)
    if [ ${#missing[@]} -eq 0 ]; then
        return
    fi
    log "Installing ${missing[*]}"
    local apt=(apt-get -o DPkg::Lock::Timeout=600 -y -q)
    DEBIAN_FRONTEND=noninteractive "${apt[@]}" install "${missing[@]}" >"$work/apt.log" 2>&1 ||
        { "${apt[@]}" update >>"$work/apt.log" 2>&1 &&
            DEBIAN_FRONTEND=noninteractive "${apt[@]}" install "${missing[@]}" >>"$work/apt.log" 2>&1; } ||
        { tail -n 20 "$work/apt.log" >&2; fail "installing ${missing[*]} failed"; }
}

# Uses a running Docker daemon if there is one. Otherwise starts dockerd and stops it by its PID at the end.
start_docker() {
    if docker info >/dev/null 2>&1; then
        log "Using the Docker daemon that is already running"
        return
    fi
    dockerd >"$work/dockerd.log" 2>&1 &
    dockerd_pid=$!
    local second
    for second in $(seq 1 60); do
        if docker info >/dev/null 2>&1; then
            log "Started dockerd (PID $dockerd_pid) in $second s"
            return
        fi
        if ! kill -0 "$dockerd_pid" 2>/dev/null; then
            tail -n 20 "$work/dockerd.log" >&2
            fail "dockerd stopped while starting"
        fi
        sleep 1
    done
    fail "dockerd did not answer within 60 s; see the log above"
}

write_env_file() {
    # Passwords with characters that need escaping in URLs, ini files and .pgpass.
    local postgres_password datastore_password
    postgres_password="pg%:@/-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
    datastore_password="ro:@-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"

    local overrides=(
        "CKAN_SITE_URL=http://127.0.0.1:$port"
        "CKAN_PORT=$port"
        "CKAN_BIND_ADDRESS=127.0.0.1"
        "POSTGRES_PASSWORD=$postgres_password"
        "DATASTORE_READONLY_PASSWORD=$datastore_password"
        "CKAN_SYSADMIN_NAME=e2e_first_admin"
        "CKAN_SYSADMIN_PASSWORD=first-admin-password"
        "CKAN_SYSADMIN_EMAIL=first-admin@example.org"
        "CKAN_IMAGE_TAG=e2e"
        "CKAN_CONTAINER_NAME=ckan-e2e-ckan"
        "DATAPUSHER_CONTAINER_NAME=ckan-e2e-datapusher"
        "DB_CONTAINER_NAME=ckan-e2e-db"
        "REDIS_CONTAINER_NAME=ckan-e2e-redis"
        "CKAN_ENV_FILE=$env_file"
    )
    if [ "$catalog" = embedded ]; then
        overrides+=("CKAN_SQLALCHEMY_URL=sqlite:////srv/ckan/ckan.db" "CKAN__PLUGINS=activity")
    fi

    local keys
    keys=$(printf '%s\n' "${overrides[@]}" | cut -d= -f1 | paste -sd'|')
    grep -Ev "^($keys)=" "$here/.env.template" >"$env_file"
    printf '%s\n' "${overrides[@]}" >>"$env_file"
}

record_base_image() {
    if docker image inspect "$base_image" >/dev/null 2>&1; then
        base_image_existed=yes
    fi
}

build_images() {
    "$here/build.sh" -p "$project" -f "$here/docker-compose.yml" --env-file "$env_file" >"$work/build.log" 2>&1 ||
        { tail -n 40 "$work/build.log" >&2; fail "building the images failed (log above)"; }
}

# Polls every container of the stack until all are healthy. Fails on an unhealthy, stopped or
# restarted container, or after 300 s.
wait_healthy() {
    local begin containers container status unhealthy all_healthy
    begin=$(date +%s)
    while true; do
        containers=$(compose ps -q)
        all_healthy=yes
        for container in $containers; do
            # A restart policy would hide a failing entrypoint behind a loop of restarts.
            if [ "$(docker inspect -f '{{.RestartCount}}' "$container")" != 0 ]; then
                fail "container $(docker inspect -f '{{.Name}}' "$container") restarted"
            fi
            status=$(docker inspect -f '{{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{end}}' "$container")
            case "$status" in
            "running healthy") ;;
            "running starting" | "created "* | "restarting "*) all_healthy=no ;;
            *)
                unhealthy=$(docker inspect -f '{{.Name}}' "$container")
                fail "container $unhealthy is \"$status\""
                ;;
            esac
        done
        if [ -n "$containers" ] && [ "$all_healthy" = yes ]; then
            break
        fi
        if [ $(($(date +%s) - begin)) -gt 300 ]; then
            fail "the stack was not healthy after 300 s"
        fi
        sleep 1
    done
    log "All $(echo "$containers" | wc -w) containers healthy after $(($(date +%s) - begin)) s"
}

start_stack() {
    compose up -d >"$work/up.log" 2>&1 || { cat "$work/up.log" >&2; fail "docker-compose up -d failed (output above)"; }
    wait_healthy
}

restart_stack() {
    compose down >"$work/down.log" 2>&1 || { cat "$work/down.log" >&2; fail "docker-compose down failed (output above)"; }
    start_stack
}

# Calls an action with the sysadmin's token and prints the response. Fails unless the action succeeded.
call_api() {
    local action=$1 body=${2:-}
    local response
    if [ -n "$body" ]; then
        response=$(curl -sS -H "Authorization: $token" -H "Content-Type: application/json" \
            -d "$body" "$api/$action")
    else
        response=$(curl -sS -H "Authorization: $token" "$api/$action")
    fi
    if ! jq -e '.success == true' >/dev/null <<<"$response"; then
        fail "$action returned: ${response:0:500}"
    fi
    printf '%s' "$response"
}

check_first_sysadmin() {
    compose exec -T ckan ckan sysadmin list | grep -q "name=e2e_first_admin " ||
        fail "the entrypoint did not create the sysadmin from CKAN_SYSADMIN_NAME"
}

# The passwords contain characters that ~/.pgpass and the db service's first start must escape.
check_database_logins() {
    local catalog_role datastore_role
    catalog_role=$(compose exec -T ckan psql -h db -U ckan -Atc 'SELECT current_user' ckan | tr -d '\r')
    if [ "$catalog_role" != ckan ]; then
        fail "the role ckan could not log in to the catalog database from the ckan container"
    fi
    datastore_role=$(compose exec -T ckan psql -h db -U datastore_ro -Atc 'SELECT current_user' datastore |
        tr -d '\r')
    if [ "$datastore_role" != datastore_ro ]; then
        fail "the role datastore_ro could not log in to the DataStore database from the ckan container"
    fi
}

create_sysadmin_and_token() {
    compose exec -T ckan ckan sysadmin add e2e_admin email=e2e-admin@example.org password=e2e-admin-password |
        grep -q "Added e2e_admin as sysadmin" || fail "ckan sysadmin add e2e_admin did not print Added e2e_admin as sysadmin"
    token=$(compose exec -T ckan ckan user token add e2e_admin e2e -q | tr -d '\r\n')
    if [ -z "$token" ]; then
        fail "ckan user token add printed no token"
    fi
}

create_records() {
    call_api organization_create '{"name": "e2e-org", "title": "E2E organization"}' >/dev/null
    call_api package_create '{"name": "e2e-dataset", "owner_org": "e2e-org", "private": true,
        "notes": "Rainfall & river levels", "resources": [{"url": "https://example.org/rain.csv"}]}' >/dev/null
}

# The dataset is private, so finding it also proves that the sysadmin's token survived the restart.
check_records_kept() {
    local organization
    organization=$(call_api "package_show?id=e2e-dataset" | jq -r '.result.organization.name')
    if [ "$organization" != e2e-org ]; then
        fail "package_show returned organization \"$organization\" instead of e2e-org"
    fi
    call_api "organization_show?id=e2e-org" >/dev/null
    if curl -sS "$api/package_show?id=e2e-dataset" | jq -e '.success == true' >/dev/null; then
        fail "an anonymous caller can read the private dataset"
    fi
}

# Uploads a CSV as a resource and waits for the DataPusher to load its rows into the DataStore.
check_csv_upload_reaches_datastore() {
    local csv=$work/rainfall.csv response resource_id second
    printf 'station,day,millimetres\nNorth,2024-01-01,12.5\nSouth,2024-01-01,3\nEast,2024-01-02,0\n' >"$csv"
    response=$(curl -sS -H "Authorization: $token" -F package_id=e2e-dataset -F name=rainfall.csv \
        -F format=CSV -F "upload=@$csv;type=text/csv" "$api/resource_create")
    if ! jq -e '.success == true' >/dev/null <<<"$response"; then
        fail "resource_create with an upload returned: ${response:0:500}"
    fi
    resource_id=$(jq -r '.result.id' <<<"$response")

    for second in $(seq 1 60); do
        response=$(curl -sS -H "Authorization: $token" "$api/datastore_search?resource_id=$resource_id")
        if jq -e '.result.total == 3' >/dev/null 2>&1 <<<"$response"; then
            log "The CSV's 3 rows reached the DataStore after $second s"
            check_load_went_through_datapusher "$resource_id"
            return
        fi
        sleep 1
    done
    fail "datastore_search did not return the CSV's 3 rows within 60 s; last answer: ${response:0:500}"
}

# The portal posts the job to the datapusher container, which reports back through datapusher_hook.
check_load_went_through_datapusher() {
    local resource_id=$1 response second
    for second in $(seq 1 30); do
        response=$(call_api "datapusher_status?resource_id=$resource_id")
        if jq -e '.result.status == "complete"' >/dev/null <<<"$response"; then
            break
        fi
        sleep 1
    done
    if ! jq -e '.result.status == "complete"' >/dev/null <<<"$response"; then
        fail "datapusher_status did not become complete within 30 s; last answer: ${response:0:500}"
    fi
    if ! jq -e '.result.job_url | startswith("http://datapusher:8800/job/")' >/dev/null <<<"$response"; then
        fail "the load did not run in the datapusher container; datapusher_status: ${response:0:500}"
    fi
    if ! jq -e '.result.task_info.status == "complete"' >/dev/null <<<"$response"; then
        fail "the datapusher container does not report the job complete; datapusher_status: ${response:0:500}"
    fi
    log "datapusher_status shows job $(jq -r '.result.job_id' <<<"$response") of the datapusher container complete"
}

show_logs_on_failure() {
    if [ -f "$env_file" ] && [ -n "$(compose ps -q 2>/dev/null)" ]; then
        compose logs --tail 40 >&2 2>&1 || true
    fi
}

clean_up() {
    local status=$?
    if [ "$status" -ne 0 ]; then
        show_logs_on_failure
    fi
    if [ -f "$env_file" ] && docker info >/dev/null 2>&1; then
        compose down -v --remove-orphans >/dev/null 2>&1 || log "docker-compose down -v failed"
        local image
        for image in ckan-portal/ckan:e2e ckan-portal/datapusher:e2e ckan-portal/postgresql:e2e \
            ckan-portal/redis:e2e; do
            docker rmi "$image" >/dev/null 2>&1 || true
        done
        if [ "$base_image_existed" = no ]; then
            docker rmi "$base_image" >/dev/null 2>&1 || log "could not remove the base image $base_image"
        fi
    fi
    if [ -n "$dockerd_pid" ]; then
        kill "$dockerd_pid" 2>/dev/null || true
        wait "$dockerd_pid" 2>/dev/null || true
        log "Stopped dockerd (PID $dockerd_pid)"
    fi
    rm -rf "$work"
    log "$([ "$status" -eq 0 ] && echo passed || echo failed) in $(($(date +%s) - started)) s ($catalog catalog)"
    # The closing line counts steps, in the form CI reads from test runners.
    echo "e2e: $steps_passed passed, $([ "$status" -eq 0 ] && echo 0 || echo 1) failed"
    exit "$status"
}
trap clean_up EXIT

step "Installing missing packages" install_packages
step "Starting Docker" start_docker
write_env_file
record_base_image
step "Building the base image, the program and the images" build_images
step "Starting the stack (docker-compose up -d)" start_stack
step "Checking the sysadmin made from CKAN_SYSADMIN_NAME" check_first_sysadmin
step "Checking both database roles log in with their passwords" check_database_logins
step "Creating a sysadmin and an API token with the CLI" create_sysadmin_and_token
step "Creating an organization and a private dataset through the API" create_records
step "Restarting the stack (down, then up -d)" restart_stack
step "Checking the organization, the dataset and the token are kept" check_records_kept
if [ "$catalog" = server ]; then
    step "Uploading a CSV and reading it back with datastore_search" check_csv_upload_reaches_datastore
fi
