#!/bin/bash
# make check: everything CI checks.  Installs what is missing, prepares the
# kernel tree, runs checkpatch on the series, then builds and runs the
# KUnit suite on every target in configs/targets/.  Logs and KTAP go to
# build/results/.  Ends with one line "N passed, N failed"; exits non-zero
# on any failure, build error or missing target.
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
unset MAKEFLAGS MAKELEVEL MFLAGS
t0=$SECONDS
targets=${TARGETS:-$(cd configs/targets && ls *.py | sed 's/\.py$//' | sort)}
res=build/results
fail_setup=0

scripts/deps.sh || fail_setup=1
scripts/tree.sh || fail_setup=1
if [ "$fail_setup" = 1 ]; then
	echo "check: set-up failed"
	echo "0 passed, 1 failed"
	exit 1
fi
rm -rf "$res"; mkdir -p "$res"

echo "== checkpatch"
scripts/checkpatch.sh

declare -A took
for t in $targets; do
	echo "== $t"
	s=$SECONDS
	rm -f "$res/$t/counts"
	if scripts/kunit.sh build "$t"; then
		scripts/kunit.sh exec "$t"
		scripts/kunit.sh parse "$t"
		# guest selftests (opt-in, GUEST=1: not yet verified in a guest)
		if [ -n "${GUEST:-}" ] && grep -q '^GUEST_QEMU' "configs/targets/$t.py"; then
			scripts/guest.py "$t" || true
		fi
	else
		mkdir -p "$res/$t"; echo "0 1" > "$res/$t/counts"
	fi
	took[$t]=$((SECONDS - s))
done

echo
echo "== summary"
printf '  %-10s %7s %7s %7s\n' target passed failed seconds
P=0 F=0
read -r p f < "$res/checkpatch/counts" 2>/dev/null || { p=0; f=1; }
printf '  %-10s %7s %7s %7s\n' checkpatch "$p" "$f" -
P=$((P+p)) F=$((F+f))
for t in $targets; do
	read -r p f < "$res/$t/counts" 2>/dev/null || { p=0; f=1; }
	printf '  %-10s %7s %7s %7s\n' "$t" "$p" "$f" "${took[$t]}"
	P=$((P+p)) F=$((F+f))
	if [ -n "${GUEST:-}" ] && grep -q '^GUEST_QEMU' "configs/targets/$t.py"; then
		read -r p f < "$res/$t/guest-counts" 2>/dev/null || { p=0; f=1; }
		printf '  %-10s %7s %7s %7s\n' "$t-guest" "$p" "$f" -
		P=$((P+p)) F=$((F+f))
	fi
done
echo "  total time: $((SECONDS - t0)) s (logs and KTAP in $res/)"
echo "$P passed, $F failed"
[ "$F" = 0 ]
