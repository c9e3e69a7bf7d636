#!/usr/bin/env bash
# Makes the base image debian:bookworm-slim on a machine that cannot pull images. debootstrap builds a
# minimal Debian 12 root file system from the apt mirror this machine already uses. `docker import`
# then stores it under the public name, so the Dockerfiles work unchanged where a registry exists.
#
#   deploy/docker/build-base.sh [--force]
#
# Does nothing when the image exists, unless --force is given. Needs root, debootstrap and a running
# Docker daemon.
set -euo pipefail

image=debian:bookworm-slim
suite=bookworm

if [ "${1:-}" != "--force" ] && docker image inspect "$image" >/dev/null 2>&1; then
    echo "Base image $image exists; pass --force to rebuild it."
    exit 0
fi

# Prints the first Debian URI of the host's apt sources, so that the image installs from the same mirror.
find_mirror() {
    local uri
    uri=$(grep -hs -E '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{ print $2 }' |
        grep -v -- '-security' | head -n 1)
    if [ -z "$uri" ]; then
        uri=$(grep -hs -E '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list |
            awk '{ print $2 }' | grep -v -- '-security' | head -n 1)
    fi
    echo "${uri:-http://deb.debian.org/debian}"
}

mirror=$(find_mirror)
security_mirror="${mirror%/debian}/debian-security"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rootfs=$work/rootfs

echo "Bootstrapping Debian $suite from $mirror into $rootfs ..."
debootstrap --variant=minbase "$suite" "$rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 || {
    tail -n 20 "$work/debootstrap.log" >&2
    exit 1
}

cat >"$rootfs/etc/apt/sources.list" <<SOURCES
deb $mirror $suite main
deb $mirror $suite-updates main
deb $security_mirror $suite-security main
SOURCES

# What the slim image leaves out: package lists, caches and documentation.
rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/cache/apt/archives/*.deb \
    "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/*

tar -C "$rootfs" -c . | docker import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'CMD ["bash"]' \
    - "$image" >/dev/null
echo "Built $image ($(docker image inspect -f '{{.Size}}' "$image" | awk '{ printf "%d MB", $1 / 1000000 }'))."
