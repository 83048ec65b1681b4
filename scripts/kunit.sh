#!/bin/bash
# scripts/kunit.sh build|exec|parse|all TARGET
# BASE=mainline (default) or another name in configs/bases/ picks the tree,
# the build output and the results directory.
# Build, boot and parse are separate steps so that a failure says which one
# failed and a console log can be re-parsed without booting again.
set -euo pipefail
unset MAKEFLAGS MAKELEVEL MFLAGS ARCH
top=$(cd "$(dirname "$0")/.." && pwd)
step=$1 target=$2
. "$top/scripts/base.sh"
tree=$TREE
cfg=$top/configs/targets/$target.py
# A base whose Kconfig lacks some of a target's options (KCONFIG_DROP in
# configs/bases/: options that are forced on or unreachable there, which
# kunit.py would report as missing) builds from a copy of the target file
# without them.  kunit.py imports the file by path, so the copy serves.
# Only a file that states such an option is copied: a variant target
# execs its parent's file from its own directory, and only the build step,
# which runs on the parent, checks the config.
if [ -n "${KCONFIG_DROP:-}" ]; then
	pat=$(printf '%s\n' $KCONFIG_DROP | sed 's/.*/^(# )?&(=| is not set)/' | paste -sd'|')
	if grep -Eq "$pat" "$cfg"; then
		mkdir -p "$OUT"
		filtered=$OUT/qemu-config-$target.py
		grep -Ev "$pat" "$cfg" > "$filtered.tmp" && mv "$filtered.tmp" "$filtered"
		cfg=$filtered
	fi
fi
get() { "$top/scripts/target.py" "$target" "$1"; }	# the one reader
cross=$(get CROSS_COMPILE) || exit 2
# A target may boot another target's kernel with other parameters
# (BUILD_FROM, e.g. ppc64-hash boots the ppc64 kernel with disable_radix).
from=$(get BUILD_FROM)
if [ -n "$from" ]; then
	[ "$step" = build ] && exec "$0" build "$from"
	[ "$step" = all ] && { "$0" build "$from" || exit 1; step=run; }
fi
kernel=${from:-$target}
out=$OUT/$kernel
mkdir -p "$out"
# One build of a target at a time: two makes (and their ccache stores) in
# one output directory corrupt each other's dependency files.
exec 9>"$out/.lock"
flock 9
# A target may need emulator workarounds that are not part of the series
# (harness/*.patch, each says why): it builds from a copy of the tree with
# them applied.  rsync keeps the mtimes of unchanged files, so only the
# patched files recompile.
emu=$(get EMULATOR_PATCHES)
if [ -n "$emu" ]; then
	src=$OUT/src-$kernel
	if [ "$step" = build ] || [ "$step" = all ] || [ ! -d "$src" ]; then
		mkdir -p "$src"
		rsync -a --delete --exclude=/.git "$tree/" "$src/"
		for p in $emu; do patch -s -p1 -d "$src" < "$top/$p"; done
	fi
	tree=$src
fi
res=$RESULTS/$target
mkdir -p "$out" "$res"
kunit=(python3 "$tree/tools/testing/kunit/kunit.py")
common=(--qemu_config "$cfg" --kunitconfig "$top/configs/kunit.config" --build_dir "$out")
[ -n "$cross" ] && common+=(--cross_compile "$cross")
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.ccache}
export CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-8G}
# Out-of-tree builds compile with absolute paths (O= is not below the
# source tree): base_dir makes ccache hash them relative to the output
# directory, so that a second clone of the project (CI's) hits the cache
# that this one filled.
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$top}
# Let timestamps not matter: the tree is re-created by 'make tree'.
export CCACHE_SLOPPINESS=${CCACHE_SLOPPINESS:-time_macros,include_file_mtime,include_file_ctime}
export KBUILD_BUILD_TIMESTAMP='' KBUILD_BUILD_USER=kunit KBUILD_BUILD_HOST=kunit

do_build() {
	local t0=$SECONDS
	cd "$tree"
	if ! "${kunit[@]}" build "${common[@]}" --jobs "$(nproc)" \
		--make_options "CC=ccache ${cross}gcc" --make_options "HOSTCC=ccache gcc" \
		> "$res/build.log" 2>&1; then
		tail -40 "$res/build.log" >&2
		echo "kunit: $target: BUILD FAILED (log: ${res#$top/}/build.log)" >&2
		return 1
	fi
	if grep -q 'warning:' "$res/build.log"; then
		grep 'warning:' "$res/build.log" | head -20 >&2
		echo "kunit: $target: BUILD WARNINGS (log: ${res#$top/}/build.log)" >&2
		return 1
	fi
	echo "kunit: $target: built in $((SECONDS - t0)) s"
}
# kunit.py starts QEMU with "-accel kvm -accel hvf -accel tcg": the first
# that works.  Where /dev/kvm exists (nested, shadow paging) the x86_64
# suite's guest died at boot with "KVM internal error. Suberror: 1"
# (emulation failure on a lock cmpxchg16b) and its 900 s ran out with no
# KTAP, now and then.  The harness is built for TCG (the guests of
# guest.py run there too, and the timeouts are sized for it): QEMU is
# started through a wrapper that drops the other accelerators.
tcg_only() {
	local d=$top/build/qemu-tcg q real
	mkdir -p "$d"
	for q in x86_64 aarch64 ppc64; do
		real=$(PATH=/usr/bin:/bin command -v "qemu-system-$q") || continue
		cat > "$d/qemu-system-$q.tmp" <<-EOF
		#!/bin/sh
		# scripts/kunit.sh: $real under TCG only (see tcg_only())
		n=\$#
		while [ \$n -gt 0 ]; do
			a=\$1; shift; n=\$((n - 1))
			if [ "\$a" = -accel ] && [ \$n -gt 0 ]; then
				case \$1 in tcg*) ;; *) shift; n=\$((n - 1)); continue ;; esac
			fi
			set -- "\$@" "\$a"
		done
		exec $real "\$@"
		EOF
		chmod +x "$d/qemu-system-$q.tmp"
		mv "$d/qemu-system-$q.tmp" "$d/qemu-system-$q"
	done
	echo "$d"
}
do_exec() {
	local t0=$SECONDS
	cd "$tree"
	PATH=$(tcg_only):$PATH
	# kunit.py enforces the timeout; a guest that hangs is killed and
	# its missing results count as failures in the parse step.
	# KUNIT_FILTER (a kunit.py filter_glob, e.g. "vmem_altmap*.reject_*")
	# runs some cases only; the parse step then counts the rest as missing.
	"${kunit[@]}" exec "${common[@]}" --timeout "${KUNIT_TIMEOUT:-900}" \
		--raw_output=all ${KUNIT_FILTER:+"$KUNIT_FILTER"} > "$res/console.log" 2>&1 || true
	echo "kunit: $target: booted and ran in $((SECONDS - t0)) s"
}
do_parse() {
	cd "$tree"
	"${kunit[@]}" parse "$res/console.log" --json="$res/results.json" \
		> "$res/parse.log" 2>&1 || true
	# Keep the bare KTAP too.
	sed -n '/KTAP version\|TAP version/,$p' "$res/console.log" > "$res/ktap.txt" || true
	python3 "$top/scripts/summarize.py" "$target" "$res/results.json" "$res/console.log"
}
case $step in
build) do_build ;;
exec) do_exec ;;
parse) do_parse ;;
all) do_build && do_exec && do_parse ;;
run) do_exec && do_parse ;;
*) echo "usage: $0 build|exec|parse|all TARGET" >&2; exit 2 ;;
esac
