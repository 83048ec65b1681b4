#!/bin/bash
# Install the Debian packages the harness needs (idempotent; root + apt-get).
set -euo pipefail
pkgs=(linux-source-6.12 build-essential flex bison libelf-dev libssl-dev bc ccache
      gcc-aarch64-linux-gnu gcc-powerpc64le-linux-gnu
      qemu-system-x86 qemu-system-arm qemu-system-ppc busybox-static
      cpio python3 python3-ply python3-git xz-utils rsync kmod git)
missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "deps: installing ${missing[*]}"
SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
