#!/bin/bash
# make export [BASE=...]: rewrite the base's series (patches/ for mainline)
# from base..HEAD of its tree.  File names and contents are stable: a
# re-export of unchanged work changes no file.  The cover letter
# (0000-cover-letter.patch) is kept: it is written by hand, not exported.
set -euo pipefail
unset MAKEFLAGS MAKELEVEL MFLAGS ARCH
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/scripts/base.sh"
tree=$TREE
out=$PATCHES
[ "${1:-}" = --to ] && out=$2
git -C "$tree" rev-parse -q --verify base >/dev/null || { echo "export: no ${tree#$top/} tree (make tree)" >&2; exit 1; }
mkdir -p "$out"
find "$out" -maxdepth 1 -name '*.patch' ! -name '0000-cover-letter.patch' -delete
rm -f "$out"/series
git -C "$tree" format-patch -q --no-signature --zero-commit -o "$out" base..HEAD
: > "$out/series"
for p in "$out"/*.patch; do
	[ -f "$p" ] || continue
	case $(basename "$p") in 0000-*) continue;; esac
	# The author date changes on every rebase: drop it so files stay stable.
	sed -i '/^Date: /d' "$p"
	basename "$p" >> "$out/series"
done
if [ "$out" = "$PATCHES" ]; then
	cat "$tree.pkgver" > "$top/$PIN_FILE"
fi
echo "export: $(wc -l < "$out/series") patch(es) in ${out#$top/}"
