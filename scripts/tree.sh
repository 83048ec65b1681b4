#!/bin/bash
# make tree: unpack Debian's linux-source-6.12 into build/linux, commit it as
# tag 'base' and apply patches/ with git am.  Refuses to destroy commits that
# are not in patches/.
set -euo pipefail
unset MAKEFLAGS MAKELEVEL MFLAGS ARCH
top=$(cd "$(dirname "$0")/.." && pwd)
tree=$top/build/linux
tarball=/usr/src/linux-source-6.12.tar.xz
tested=$(cat "$top/base-version" 2>/dev/null || echo unknown)

"$top/scripts/deps.sh"

pkgver=$(dpkg-query -W -f='${Version}' linux-source-6.12)

if [ -d "$tree/.git" ] && git -C "$tree" rev-parse -q --verify base >/dev/null; then
	# Is everything in base..HEAD (and the worktree) already in patches/?
	if [ -n "$(git -C "$tree" status --porcelain --untracked-files=no)" ]; then
		echo "tree: build/linux has uncommitted changes; commit or discard them first" >&2
		exit 1
	fi
	tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
	"$top/scripts/export.sh" --to "$tmp" >/dev/null
	if ! diff -q -r "$tmp" "$top/patches" >/dev/null 2>&1; then
		echo "tree: build/linux holds commits that differ from patches/." >&2
		echo "tree: run 'make export' to keep them, or 'make clean-tree' to drop them." >&2
		exit 1
	fi
	have=$(cat "$top/build/base-pkgver" 2>/dev/null || true)
	if [ "$have" = "$pkgver" ]; then
		echo "tree: build/linux is up to date ($(make -s -C "$tree" kernelversion), package $pkgver)"
		exit 0
	fi
	echo "tree: package moved to $pkgver; rebuilding build/linux"
fi

rm -rf "$tree"
mkdir -p "$tree"
echo "tree: unpacking $tarball"
tar -xJf "$tarball" -C "$tree" --strip-components=1
cd "$tree"
# Debian's tarball ships a .gitignore that hides every top-level path.
git init -q -b master .
git config user.name "vmem_altmap harness"
git config user.email "harness@localhost"
git config core.autocrlf false
git add -f -A . >/dev/null
git commit -q -m "Linux $(make -s kernelversion) (Debian linux-source-6.12 $pkgver)"
git tag base
echo "$pkgver" > "$top/build/base-pkgver"
version=$(make -s kernelversion)
echo "tree: base is Linux $version (Debian package $pkgver)"
if [ "$version" != "$tested" ]; then
	echo "tree: NOTE: the series was last tested on $tested; Debian now ships $version"
fi
n=0
while read -r p; do
	case "$p" in ''|'#'*) continue;; esac
	git am -q --keep-cr "$top/patches/$p" || { echo "tree: $p does not apply" >&2; git am --abort; exit 1; }
	n=$((n+1))
done < <(cat "$top/patches/series" 2>/dev/null)
echo "tree: applied $n patch(es)"
