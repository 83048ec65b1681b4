#!/bin/bash
# make revert-check [FIX=NNNN]: each fix in the series must be guarded by a
# test that fails without it.  For every line of configs/fix-guards (or the
# one patch FIX names): revert that patch on top of the whole series in a
# scratch tree (build/revert/linux, a git worktree of build/linux), build
# the line's target there (build/revert/out: ccache's base_dir makes the
# unchanged files hits), run the named KUnit cases or selftest fixture, and
# print one line: CAUGHT with the first failing line, MISSED, or why it
# could not run (the revert conflicts with a later patch, or the build
# fails).  Exits non-zero if any fix is MISSED or could not be checked.
#
# make mutate [MUTATION=name] (--mutate): the same for each deliberate
# breakage in configs/mutations, applied to the scratch tree instead of a
# revert.  Neither is part of make check: each line is a kernel build.
set -uo pipefail
unset MAKEFLAGS MAKELEVEL MFLAGS
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/scripts/base.sh"
export HARNESS_SCRATCH=build/revert
scratch=$top/$HARNESS_SCRATCH
wt=$scratch/linux
mode=revert only=${FIX:-}
[ "${1:-}" = --mutate ] && { mode=mutate; only=${MUTATION:-}; }
git -C "$TREE" rev-parse -q --verify base >/dev/null ||
	{ echo "revert-check: no tree; run make tree" >&2; exit 2; }
head=$(git -C "$TREE" rev-parse HEAD)
mapfile -t commits < <(git -C "$TREE" rev-list --reverse base..HEAD)
if [ ! -d "$wt/.git" ] && [ ! -f "$wt/.git" ]; then
	mkdir -p "$scratch"
	git -C "$TREE" worktree prune
	git -C "$TREE" worktree add -q --detach "$wt" "$head" || exit 2
fi
mkdir -p "$scratch/results"
table=$scratch/results/$mode-table
: > "$table"
bad=0
# one line per check: NAME TARGET TEST WHAT (for a revert, the patch number
# and its finding; for a mutation, its name and file)
items() {
	if [ "$mode" = revert ]; then
		grep -v '^\s*\(#\|$\)' "$top/configs/fix-guards" |
			while read -r num target test finding; do
				echo "$num $target $test $finding"
			done
	else
		python3 "$top/scripts/mutation.py" list
	fi
}
while read -r name target test what <&3; do
	[ -n "$only" ] && [ "$only" != "$name" ] && continue
	git -C "$wt" checkout -q --detach "$head" && git -C "$wt" reset -q --hard
	if [ "$mode" = revert ]; then
		commit=${commits[$((10#$name - 1))]:-}
		echo "== $name ($(git -C "$TREE" log -1 --format=%s "$commit")) on $target: $test"
		# A fix that later patches build on does not revert by itself:
		# configs/reverts/NNNN.diff is its revert on the whole series,
		# written by hand, its header saying what it takes out.
		hand=$top/configs/reverts/$name.diff
		if ! git -C "$wt" revert --no-edit "$commit" >/dev/null 2>&1; then
			git -C "$wt" revert --abort 2>/dev/null
			git -C "$wt" reset -q --hard
			if [ -f "$hand" ] && git -C "$wt" apply "$hand"; then
				echo "   (hand revert: configs/reverts/$name.diff)"
				what="$what, hand revert"
			else
				echo "$name $target $test: NOT CHECKED (does not revert cleanly on the series, and configs/reverts/$name.diff does not apply)" | tee -a "$table"
				bad=1; continue
			fi
		fi
	else
		eq=$(python3 "$top/scripts/mutation.py" equivalent "$name")
		if [ -n "$eq" ]; then
			echo "$name $target $test: EQUIVALENT, not run ($eq)" | tee -a "$table"
			continue
		fi
		echo "== mutation $name ($what) on $target: $test"
		if ! python3 "$top/scripts/mutation.py" apply "$name" "$wt"; then
			echo "$name $target $test: NOT CHECKED (does not apply)" | tee -a "$table"
			bad=1; continue
		fi
	fi
	if ! scripts/kunit.sh build "$target"; then
		echo "$name $target $test: NOT CHECKED (the tree does not build)" | tee -a "$table"
		bad=1; continue
	fi
	res=$scratch/results/$target
	case $test in
	kunit:*)
		KUNIT_FILTER="vmem_altmap*.${test#kunit:}" scripts/kunit.sh exec "$target"
		log=$res/console.log ;;
	selftest:*)
		sel=${test#selftest:}
		MEMMAP_ARGS="${sel//,/ }" scripts/guest.py boot "$target"
		log=$res/guest.log ;;
	*) echo "revert-check: bad test '$test'" >&2; exit 2 ;;
	esac
	# caught: a case failed, the test died, or the console shows a splat
	why=$(python3 - "$log" "$test" "$target" <<'EOF'
import re, sys
sys.path.insert(0, 'scripts')
from consolecheck import assertion_lines, bad_lines
from target import load_target
log, test, target = sys.argv[1], sys.argv[2], sys.argv[3]
con = open(log, errors='replace').read()
lines = con.splitlines()
# the assertion itself, else the failed case
fails = assertion_lines(con)
fails += [l.strip() for l in lines if re.match(r'\s*(# )?not ok \d+ ', l)]
# a splat counts, but not the upstream warning the target excuses
hits, _ = bad_lines(con, getattr(load_target('.', target), 'KNOWN_CONSOLE_WARNINGS', {}))
if test.startswith('selftest:') and not re.search(r'GUEST-RESULT \S+ 0\b', con):
    fails.append('the selftest did not exit 0 (or died)')
if test.startswith('kunit:') and not re.search(r'^\s*(# )?(not )?ok \d+ ', con, re.M):
    fails.append('no KUnit result (the kernel died)')
# the failing assertion first; a splat where no case failed
print((fails + hits)[0] if hits or fails else '')
EOF
)
	if [ -n "$why" ]; then
		line="$name $target $test: CAUGHT ($what): $why"
	else
		line="$name $target $test: MISSED ($what)"; bad=1
	fi
	echo "$line" | tee -a "$table"
done 3< <(items)
git -C "$wt" checkout -q --detach "$head" && git -C "$wt" reset -q --hard
echo
echo "== $mode (build/revert/results/$mode-table)"
cat "$table"
exit $bad
