#!/bin/bash
# make bisect ARCH=T: build every prefix of the series (each commit of
# base..HEAD in build/linux) with target T's kernel config.  It checks the
# commits out in build/linux and builds in T's own build directory, so each
# step recompiles only what the commit changes; HEAD is restored at the end.
# A build error or a compiler warning in a step fails it.
set -euo pipefail
unset MAKEFLAGS MAKELEVEL MFLAGS ARCH
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/scripts/base.sh"
target=$1
tree=$TREE
target=$("$top/scripts/target.py" "$target" KERNEL)	# a BUILD_FROM target: its kernel
cross=$("$top/scripts/target.py" "$target" CROSS_COMPILE)
arch=$("$top/scripts/target.py" "$target" linux_arch)
out=$OUT/$target
res=$RESULTS/bisect-$target
mkdir -p "$res"
[ -f "$out/.config" ] || "$top/scripts/kunit.sh" build "$target"
[ -z "$(git -C "$tree" status --porcelain --untracked-files=no)" ] ||
	{ echo "bisect: build/linux has uncommitted changes" >&2; exit 1; }
head=$(git -C "$tree" symbolic-ref -q --short HEAD || git -C "$tree" rev-parse HEAD)
cp "$out/.config" "$res/config"
restore() {
	git -C "$tree" checkout -q "$head"
	cp "$res/config" "$out/.config"
}
trap restore EXIT
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.ccache} CCACHE_BASEDIR=${CCACHE_BASEDIR:-$top}
export CCACHE_SLOPPINESS=${CCACHE_SLOPPINESS:-time_macros,include_file_mtime,include_file_ctime}
mk=(make -s -C "$tree" O="$out" ARCH="$arch" CROSS_COMPILE="$cross"
    CC="ccache ${cross}gcc" HOSTCC="ccache gcc")
rc=0 n=0
for c in $(git -C "$tree" rev-list --reverse base..HEAD); do
	n=$((n+1))
	git -C "$tree" checkout -q --detach "$c"
	subj=$(git -C "$tree" log -1 --format=%s "$c")
	cp "$res/config" "$out/.config"
	log=$res/$n.log
	if "${mk[@]}" olddefconfig > "$log" 2>&1 && "${mk[@]}" -j"$(nproc)" >> "$log" 2>&1 &&
	   ! grep -q 'warning:' "$log"; then
		echo "  bisect $target ok      $n $subj"
	else
		grep -E 'warning:|error:' "$log" | head -20
		echo "  bisect $target FAILED  $n $subj (log: ${log#$top/})"
		rc=1
	fi
done
exit $rc
