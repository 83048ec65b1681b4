#!/bin/bash
# make export: rewrite patches/ from base..HEAD of build/linux.  File names
# and contents are stable: a re-export of unchanged work changes no file.
set -euo pipefail
unset MAKEFLAGS MAKELEVEL MFLAGS ARCH
top=$(cd "$(dirname "$0")/.." && pwd)
tree=$top/build/linux
out=$top/patches
[ "${1:-}" = --to ] && out=$2
git -C "$tree" rev-parse -q --verify base >/dev/null || { echo "export: no build/linux tree (make tree)" >&2; exit 1; }
mkdir -p "$out"
rm -f "$out"/*.patch "$out"/series
git -C "$tree" format-patch -q --no-signature --zero-commit -o "$out" base..HEAD
: > "$out/series"
for p in "$out"/*.patch; do
	[ -f "$p" ] || continue
	# The author date changes on every rebase: drop it so files stay stable.
	sed -i '/^Date: /d' "$p"
	basename "$p" >> "$out/series"
done
if [ "$out" = "$top/patches" ]; then
	make -s -C "$tree" kernelversion > "$top/base-version"
fi
echo "export: $(wc -l < "$out/series") patch(es) in $out"
