#!/bin/bash
# make bisect ARCH=T: build every prefix of the series (base..HEAD of
# build/linux) with target T's kernel config, in a separate worktree so the
# main tree is left alone.  Incremental: each commit rebuilds what it changes.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
target=$1
tree=$top/build/linux
cfg=$top/configs/targets/$target.py
cross=$(sed -n "s/^CROSS_COMPILE = '\(.*\)'/\1/p" "$cfg")
arch=$(sed -n "s/.*linux_arch='\([^']*\)'.*/\1/p" "$cfg")
config=$top/build/out/$target/.config
[ -f "$config" ] || "$top/scripts/kunit.sh" build "$target"
wt=$top/build/bisect-src
out=$top/build/bisect-out/$target
mkdir -p "$out"
unset MAKEFLAGS MAKELEVEL MFLAGS
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.ccache}
export CCACHE_SLOPPINESS=${CCACHE_SLOPPINESS:-time_macros,include_file_mtime,include_file_ctime}
[ -d "$wt" ] || git -C "$tree" worktree add -q --detach "$wt" base
ok=0
for c in $(git -C "$tree" rev-list --reverse base..HEAD); do
	git -C "$wt" checkout -q --detach "$c"
	subj=$(git -C "$tree" log -1 --format=%s "$c")
	cp "$config" "$out/.config"
	if make -s -C "$wt" O="$out" ARCH="$arch" CROSS_COMPILE="$cross" \
		CC="ccache ${cross}gcc" HOSTCC="ccache gcc" olddefconfig >/dev/null &&
	   make -s -C "$wt" O="$out" ARCH="$arch" CROSS_COMPILE="$cross" \
		CC="ccache ${cross}gcc" HOSTCC="ccache gcc" -j"$(nproc)" > "$out/build.log" 2>&1 &&
	   ! grep -q 'warning:' "$out/build.log"; then
		echo "  bisect $target ok      $subj"
	else
		grep -E 'warning:|error:' "$out/build.log" | head -20
		echo "  bisect $target FAILED  $subj"
		ok=1
	fi
done
exit $ok
