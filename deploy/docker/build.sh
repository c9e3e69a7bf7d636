#!/usr/bin/env bash
# Builds everything the compose stack runs: the local base image when it is missing (build-base.sh),
# the self-contained `ckan` and `ckan-datapusher` programs (dotnet publish into .publish/ckan and
# .publish/datapusher), then the images.
#
#   deploy/docker/build.sh [docker-compose options ...]
#
# Options go to `docker-compose` before `build`, for example `-f docker-compose.yml -f
# docker-compose.prod.yml` or `--env-file FILE`. Needs the .NET SDK, a running Docker daemon and a .env
# (or --env-file) as for docker-compose itself.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)

"$here/build-base.sh"

echo "Publishing src/Ckan.Cli to $here/.publish/ckan ..."
rm -rf "$here/.publish/ckan"
dotnet publish "$repo/src/Ckan.Cli" -c Release -r linux-x64 --self-contained \
    -o "$here/.publish/ckan" --nologo -v quiet

echo "Publishing src/Ckan.DataPusher.Service to $here/.publish/datapusher ..."
rm -rf "$here/.publish/datapusher"
dotnet publish "$repo/src/Ckan.DataPusher.Service" -c Release -r linux-x64 --self-contained \
    -o "$here/.publish/datapusher" --nologo -v quiet

cd "$here"
docker-compose "$@" build
