#!/bin/bash
# Install the Debian packages the harness needs (idempotent; root + apt-get),
# and fetch busybox-static for the guests' architectures (multiarch
# `apt-get download`, unpacked under build/busybox/ARCH: static binaries,
# nothing else needed), and Debian's ndctl and daxctl with their libraries
# for the same architectures (scripts/fetch-admin.sh, for the guests'
# administrator run).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
pkgs=(build-essential flex bison libelf-dev libssl-dev bc ccache
      gcc-aarch64-linux-gnu gcc-powerpc64le-linux-gnu
      libc6-dev-arm64-cross libc6-dev-ppc64el-cross
      qemu-system-x86 qemu-system-arm qemu-system-ppc qemu-efi-aarch64 busybox-static
      cpio python3 python3-ply python3-git xz-utils rsync kmod git)
SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
foreign=()
for a in arm64 ppc64el; do
	[ -x "$top/build/busybox/$a/bin/busybox" ] || foreign+=("$a")
done
admin=()
for a in amd64 arm64 ppc64el; do
	[ -f "$top/build/admin/$a/.done" ] || admin+=("$a")
done
[ ${#missing[@]} -eq 0 ] && [ ${#foreign[@]} -eq 0 ] && [ ${#admin[@]} -eq 0 ] && exit 0
if [ ${#foreign[@]} -ne 0 ] || [ ${#admin[@]} -ne 0 ]; then
	for a in arm64 ppc64el; do
		dpkg --print-foreign-architectures | grep -qx "$a" ||
			$SUDO dpkg --add-architecture "$a"
	done
fi
# a stale or unreachable foreign index must not stop the native install
$SUDO apt-get update -qq || true
if [ ${#missing[@]} -ne 0 ]; then
	echo "deps: installing ${missing[*]}"
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
for a in "${foreign[@]}"; do
	d=$top/build/busybox/$a
	rm -rf "$d" "$d.dl"; mkdir -p "$d.dl"
	(cd "$d.dl" && chmod 777 . && apt-get download -qq "busybox-static:$a" >/dev/null 2>&1)
	dpkg-deb -x "$d.dl"/busybox-static_*.deb "$d"
	rm -rf "$d.dl"
	[ -x "$d/bin/busybox" ] || { echo "deps: no busybox-static:$a" >&2; exit 1; }
	echo "deps: busybox-static:$a in ${d#$top/}"
done
[ ${#admin[@]} -eq 0 ] || "$top/scripts/fetch-admin.sh" "${admin[@]}"
