#!/bin/bash
# make tree [BASE=mainline|6.12]: unpack the base's Debian linux-source
# (configs/bases/$BASE, fetched by scripts/fetch-source.sh) into its tree
# (build/linux for mainline), commit it as tag 'base' and apply the base's
# series (patches/, or stable/6.12/) with git am.  Refuses to destroy
# commits that are not in the series.  A patch that does not apply stops
# with its name.
set -euo pipefail
unset MAKEFLAGS MAKELEVEL MFLAGS ARCH
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/scripts/base.sh"
tree=$TREE

"$top/scripts/deps.sh"
read -r pkgver tarball < <("$top/scripts/fetch-source.sh")
stamp=$tree.pkgver

if [ -d "$tree/.git" ] && git -C "$tree" rev-parse -q --verify base >/dev/null; then
	# Is everything in base..HEAD (and the worktree) already in the series?
	if [ -n "$(git -C "$tree" status --porcelain --untracked-files=no)" ]; then
		echo "tree: ${tree#$top/} has uncommitted changes; commit or discard them first" >&2
		exit 1
	fi
	tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
	"$top/scripts/export.sh" --to "$tmp" >/dev/null
	if ! diff -q -r -x base-version -x '0000-*' "$tmp" "$PATCHES" >/dev/null 2>&1; then
		echo "tree: ${tree#$top/} holds commits that differ from ${PATCHES#$top/}/." >&2
		echo "tree: run 'make export' to keep them, or 'make clean-tree' to drop them." >&2
		exit 1
	fi
	have=$(cat "$stamp" 2>/dev/null || true)
	if [ "$have" = "$pkgver" ]; then
		echo "tree: ${tree#$top/} is up to date ($(make -s -C "$tree" kernelversion), $PACKAGE $pkgver)"
		exit 0
	fi
	echo "tree: package moved to $pkgver; rebuilding ${tree#$top/}"
fi

rm -rf "$tree"
mkdir -p "$tree"
echo "tree: unpacking ${tarball#$top/}"
tar -xJf "$tarball" -C "$tree" --strip-components=1
cd "$tree"
# Debian's tarball ships a .gitignore that hides every top-level path.
git init -q -b master .
git config user.name "vmem_altmap harness"
git config user.email "harness@localhost"
git config core.autocrlf false
git config gc.auto 0
git add -f -A . >/dev/null
git commit -q -m "Linux $(make -s kernelversion) (Debian $PACKAGE $pkgver)"
git tag base
echo "$pkgver" > "$stamp"
echo "tree: base is Linux $(make -s kernelversion) (Debian $PACKAGE $pkgver)"
[ "$pkgver" = "$PIN" ] || echo "tree: NOTE: the series was last tested on $PACKAGE $PIN; the archive now has $pkgver"
n=0
while read -r p; do
	case "$p" in ''|'#'*) continue;; esac
	git am -q --keep-cr "$PATCHES/$p" || {
		echo "tree: ${PATCHES#$top/}/$p does not apply to $PACKAGE $pkgver" >&2
		git am --abort; exit 1; }
	n=$((n+1))
done < <(cat "$PATCHES/series" 2>/dev/null)
echo "tree: applied $n patch(es) from ${PATCHES#$top/}/"
