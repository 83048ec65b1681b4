#!/bin/bash
# make check: everything CI checks.  Installs what is missing, prepares the
# kernel trees, then for the mainline series (patches/ on linux-source-7.3)
# on every target in configs/targets/ (the 6.12 stable backport,
# stable/6.12/, runs in make check-stable: its builds do not fit CI's time
# next to mainline's, see README): checkpatch on the
# series, one kernel build per target, the KUnit suite on it and, where the
# target describes a guest (GUEST_*), the mm selftest in a guest booted
# from the same kernel with emulated NVDIMMs (scripts/guest.py), and on
# x86_64, arm64 and ppc64 the administrator's run with Debian's ndctl and
# daxctl (harness/admin.sh, guest.py --admin).
#
# It runs what it is: the knobs meant for iterating (TARGETS, MEMMAP_ARGS,
# MEMMAP_CYCLES, MEMMAP_*, KUNIT_TIMEOUT, KUNIT_FILTER, HARNESS_SCRATCH) are
# dropped from the environment.
# The closing line "N passed, N failed" counts test cases only; the gates
# (checkpatch per patch, the console check per boot, the build) are printed
# on their own lines, and a failed gate fails the run as well.  Logs and
# KTAP go to build/results/ (build/results/stable-6.12/ for the backport).
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
unset MAKEFLAGS MAKELEVEL MFLAGS
# make check-stable calls this with --stable: the backport on every target;
# make check-all with --all: the mainline series on every target, where
# make check (CI) leaves out the targets that say CHECK_ALL_ONLY (their
# kernels do not fit CI's time next to the others'; see README, Time).
bases=mainline stable_all= every= only=
case "${1:-}" in
--stable) bases=6.12; stable_all=all ;;
--all) every=all ;;
--kasan) only=check-kasan ;;	# make check-kasan: the KASAN targets (ONLY_IN)
esac
for v in TARGETS KUNIT_TIMEOUT KUNIT_FILTER HARNESS_SCRATCH $(env | sed -n 's/^\(MEMMAP_[A-Z_]*\|BENCH_[A-Z_]*\)=.*/\1/p'); do
	[ -n "${!v+x}" ] && echo "check: ignoring $v from the environment (make check runs what it is)"
	unset "$v"
done
t0=$SECONDS
res_of() { (BASE=$1; . "$top/scripts/base.sh"; echo "$RESULTS"); }
all_targets=$(scripts/target.py --list)
check_targets=$all_targets
[ "$every" = all ] || check_targets=$(scripts/target.py --list-check)
[ -z "$only" ] || check_targets=$(scripts/target.py --list-only "$only")
# make check-stable runs the backport on every target.
STABLE_CHECK_TARGETS="x86_64"
[ "$stable_all" = all ] && STABLE_CHECK_TARGETS=$all_targets
declare -A targets_of=([mainline]="$check_targets" [6.12]="$STABLE_CHECK_TARGETS")
fail_setup=0

scripts/deps.sh || fail_setup=1
for b in $bases; do BASE=$b scripts/tree.sh || fail_setup=1; done
if [ "$fail_setup" = 1 ]; then
	echo "check: set-up failed"
	echo "0 passed, 1 failed"
	exit 1
fi
for b in $bases; do rm -rf "$(res_of "$b")"; done
mkdir -p build/results

# Builds and tests overlap: one background job builds the base's kernels
# one after another (nice'd, -j$(nproc)), and the tests of a target start as
# soon as its kernel is built.  A QEMU guest under TCG keeps about one core
# busy and the build takes the rest, so the guests' time mostly hides under
# the builds' (on 2 cores a cold run is otherwise builds + guests).  The
# kernels are built in the order of the longest guest runs first, so that
# what runs after the last build is short.  Each kernel's build gate is a
# file the test loop waits for.
BUILD_ORDER="x86_64 ppc64 arm64 arm64-16k arm64-64k ppc64-56"
kernel_of() { scripts/target.py "$1" KERNEL; }	# BUILD_FROM, or itself
has_guest() { [ -n "$(scripts/target.py "$1" HAS_GUEST)" ]; }
declare -A took
smoked=
BENCH_TARGETS="x86_64 arm64 ppc64"
is_bench_target() { case " $BENCH_TARGETS " in *" $1 "*) return 0 ;; esac; return 1; }
# the administrator's run (harness/admin.sh: Debian's ndctl and daxctl), one
# per architecture
ADMIN_TARGETS="x86_64 arm64 ppc64"
is_admin_target() { [ "$2" = mainline ] && case " $ADMIN_TARGETS " in *" $1 "*) return 0 ;; esac; return 1; }
run_base() {	# BASE TARGETS...
	local base=$1 t k s res kernels= order= gate bpid; shift
	res=$(res_of "$base")
	mkdir -p "$res/.built"
	rm -f "$res"/.built/*
	for t in "$@"; do
		k=$(kernel_of "$t")
		case " $kernels " in *" $k "*) ;; *) kernels="$kernels $k" ;; esac
	done
	# the known kernels in BUILD_ORDER, then any other in name order
	for k in $BUILD_ORDER $kernels; do
		case " $kernels " in *" $k "*) ;; *) continue ;; esac
		case " $order " in *" $k "*) ;; *) order="$order $k" ;; esac
	done
	(
		for k in $order; do
			s=$SECONDS
			if BASE=$base nice -n 10 scripts/kunit.sh build "$k"; then
				gate=ok
			else
				gate=FAILED
			fi
			echo "$gate $((SECONDS - s))" > "$res/.built/$k.tmp"
			mv "$res/.built/$k.tmp" "$res/.built/$k"
		done
	) &
	bpid=$!
	echo "== checkpatch ($base)"
	BASE=$base scripts/checkpatch.sh
	# test in build order: a target's tests start once its kernel is built
	for k in $order; do
		while [ ! -f "$res/.built/$k" ]; do
			kill -0 "$bpid" 2>/dev/null || break
			sleep 5
		done
		read -r gate s < "$res/.built/$k" 2>/dev/null || gate=FAILED
		for t in "$@"; do
			[ "$(kernel_of "$t")" = "$k" ] || continue
			echo "== $t ($base)"
			s=$SECONDS
			rm -f "$res/$t/counts" "$res/$t/failures" "$res/$t/guest-failures" "$res/$t"/admin-*
			mkdir -p "$res/$t"
			echo "$gate" > "$res/$t/build-gate"
			if [ "$gate" = ok ]; then
				BASE=$base scripts/kunit.sh exec "$t"
				BASE=$base scripts/kunit.sh parse "$t"
				if has_guest "$t"; then
					BASE=$base scripts/guest.py boot "$t"
					BASE=$base scripts/guest.py parse "$t" || true
				fi
				if is_admin_target "$t" "$base"; then
					BASE=$base scripts/guest.py boot "$t" --admin
					BASE=$base scripts/guest.py parse "$t" --admin || true
				fi
				# make bench's smoke: one size, one mode
				if [ "$base" = mainline ] && is_bench_target "$t"; then
					BENCH_NAME=bench-smoke BENCH_SIZES=1G BENCH_RUNS=1 \
					BENCH_MODES=dev scripts/guest.py "$t" --bench >/dev/null || true
					smoked="$smoked $t"
				fi
			fi
			took[$base/$t]=$((SECONDS - s))
		done
	done
	wait "$bpid"
}
for b in $bases; do run_base "$b" ${targets_of[$b]}; done

echo
echo "== summary"
P=0 F=0 X=0 S=0 G=0
printf '  %-28s %7s %7s %7s %7s %7s\n' "tests" passed failed skipped xfail "run s"
sum_base() {	# BASE TARGETS...
	local base=$1 t p f s x res label; shift
	res=$(res_of "$base")
	for t in "$@"; do
		label="$t"; [ "$base" = mainline ] || label="$t [$base]"
		{ read -r p f s < "$res/$t/counts"; } 2>/dev/null || { p=0; f=1; s=0; }
		printf '  %-28s %7s %7s %7s %7s %7s\n' "$label kunit" "$p" "$f" "${s:-0}" - "${took[$base/$t]:-}"
		P=$((P+p)) F=$((F+f)) S=$((S+${s:-0}))
		if has_guest "$t"; then
			{ read -r p f x < "$res/$t/guest-counts"; } 2>/dev/null || { p=0; f=1; x=0; }
			printf '  %-28s %7s %7s %7s %7s %7s\n' "$label selftest" "$p" "$f" - "${x:-0}" -
			P=$((P+p)) F=$((F+f)) X=$((X+${x:-0}))
		fi
		if is_admin_target "$t" "$base"; then
			{ read -r p f < "$res/$t/admin-counts"; } 2>/dev/null || { p=0; f=1; }
			printf '  %-28s %7s %7s %7s %7s %7s\n' "$label ndctl/daxctl" "$p" "$f" - - -
			P=$((P+p)) F=$((F+f))
		fi
	done
}
for b in $bases; do sum_base "$b" ${targets_of[$b]}; done
echo "  gates (not counted as tests):"
gate() {	# NAME OK-COUNT FAILED-COUNT
	printf '  %-28s %s\n' "$1" "$([ "$3" = 0 ] && echo "ok ($2)" || echo "FAILED ($3 of $(($2 + $3)))")"
	[ "$3" = 0 ] || G=$((G+1))
}
gate_base() {	# BASE TARGETS...
	local base=$1 t p f k res cp cf bp bf kp kf; shift
	res=$(res_of "$base")
	{ read -r p f < "$res/checkpatch/counts"; } 2>/dev/null || { p=0; f=1; }
	gate "checkpatch --strict ($base)" "$p" "$f"
	bp=0 bf=0 kp=0 kf=0
	for t in "$@"; do
		[ "$(cat "$res/$t/build-gate" 2>/dev/null)" = ok ] && bp=$((bp+1)) || bf=$((bf+1))
		for c in console-gate guest-console-gate admin-console-gate; do
			[ $c = admin-console-gate ] && ! is_admin_target "$t" "$base" && continue
			[ -f "$res/$t/$c" ] || { [ $c = guest-console-gate ] && ! has_guest "$t" && continue; kf=$((kf+1)); continue; }
			[ "$(cat "$res/$t/$c")" = ok ] && kp=$((kp+1)) || kf=$((kf+1))
		done
	done
	gate "builds ($base)" $bp $bf
	for k in $(ls "$res/.built" 2>/dev/null); do
		read -r p f < "$res/.built/$k"
		printf '    %-26s %s, %s s (nice'"'"'d, under the guests)\n' "$k" "$p" "$f"
	done
	gate "consoles clean ($base)" $kp $kf
}
for b in $bases; do gate_base "$b" ${targets_of[$b]}; done
if [ -n "$smoked" ]; then
	# the CSV's columns, and its numbers against the kernel's counters
	if python3 scripts/bench.py --smoke $smoked > build/results/bench-smoke.log 2>&1; then
		gate "make bench smoke (1 GiB, dev)" "$(echo $smoked | wc -w)" 0
	else
		grep 'FAILED' build/results/bench-smoke.log | sed 's/^/    /'
		gate "make bench smoke (1 GiB, dev)" 0 "$(echo $smoked | wc -w)"
	fi
fi
# what failed, and the assertion or console line that says why: last, so
# that the tail of a CI log shows it
fails() {	# BASE TARGETS...
	local base=$1 t res ff; shift
	res=$(res_of "$base")
	for t in "$@"; do
		for ff in failures guest-failures admin-failures; do
			[ -s "$res/$t/$ff" ] || continue
			echo "  $t ($base) $ff:"
			head -n 60 "$res/$t/$ff" | sed 's/^/    /'
		done
	done
}
if [ "$F" != 0 ] || [ "$G" != 0 ]; then
	echo "  failures:"
	for b in $bases; do fails "$b" ${targets_of[$b]}; done
fi
echo "  total time: $((SECONDS - t0)) s (logs and KTAP in build/results/)"
[ "$S" = 0 ] || echo "  $S KUnit cases skipped by design (EXPECTED_SKIPS in the target, refusal asserted first): not counted as passed"
[ "$X" = 0 ] || echo "  $X expected failures (xfail): named per target with their defect, not counted as passed"
[ "$G" = 0 ] || { echo "  $G gate(s) FAILED"; F=$((F + G)); }
echo "$P passed, $F failed"
[ "$F" = 0 ]
