#!/bin/bash
# scripts/fetch-admin.sh [DEBARCH...]: Debian's ndctl and daxctl, with the
# libraries they load, for the guests' architectures (default amd64 arm64
# ppc64el), unpacked under build/admin/DEBARCH/root for scripts/guest.py
# --admin to put into the initramfs (issue 16: the administrator's tools,
# run the way an administrator runs them).
#
# The dependency closure comes from apt-cache (Depends only: the
# Pre-Depends is init-system-helpers, for systemd units the guest has no
# use for), each package by multiarch `apt-get download` and `dpkg-deb -x`
# as scripts/deps.sh fetches busybox-static; nothing is installed on this
# machine.  What a guest does not load (gconv, documentation, OpenSSL's
# engines) is left out.  Idempotent: an architecture already unpacked is
# kept.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
[ $# -gt 0 ] || set -- amd64 arm64 ppc64el
for a in "$@"; do
	d=$top/build/admin/$a
	[ -f "$d/.done" ] && continue
	rm -rf "$d"; mkdir -p "$d/dl"
	pkgs=$(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts \
		--no-breaks --no-replaces --no-enhances --no-pre-depends \
		"ndctl:$a" "daxctl:$a" 2>/dev/null | grep -v '^ ' | grep -v '^<' | sort -u)
	echo "$pkgs" | grep -Eqx "ndctl(:$a)?" || { echo "fetch-admin: no ndctl:$a in the archive" >&2; exit 1; }
	chmod 777 "$d/dl"
	(cd "$d/dl" && apt-get download -qq $pkgs >/dev/null 2>&1) ||
		{ echo "fetch-admin: apt-get download failed for $a: $(echo $pkgs)" >&2; exit 1; }
	for f in "$d"/dl/*.deb; do
		dpkg-deb -x "$f" "$d/root"
		dpkg-deb -f "$f" Package Version | sed 's/^[A-Za-z]*: //' | paste -sd' ' >> "$d/packages"
	done
	rm -rf "$d"/root/usr/lib/*/gconv "$d"/root/usr/lib/*/engines-3 "$d"/root/usr/lib/*/ossl-modules \
		"$d"/root/usr/share "$d"/root/lib/systemd "$d"/root/lib/udev "$d/dl"
	for t in ndctl daxctl; do
		[ -x "$d/root/usr/bin/$t" ] || { echo "fetch-admin: no $t in ndctl:$a" >&2; exit 1; }
	done
	touch "$d/.done"
	echo "fetch-admin: $(grep '^ndctl ' "$d/packages") and $(($(wc -l < "$d/packages") - 2)) more packages for $a in ${d#$top/}"
done
