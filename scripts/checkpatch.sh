#!/bin/bash
# make checkpatch: scripts/checkpatch.pl --strict on every patch of the
# series, and on the cover letter (its lines are checked as a message).  Writes build/results/checkpatch/counts ("passed failed").
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/scripts/base.sh"
res=$RESULTS/checkpatch
mkdir -p "$res"
# checkpatch runs spdxcheck.py with "env python3": use Debian's, which has ply and git.
export PATH=/usr/bin:/bin:$PATH
# build/linux is Debian's tarball committed as one commit: it has no
# upstream history, so checkpatch cannot look up the hash of any Fixes: tag
# (UNKNOWN_COMMIT_ID).  scripts/commit-refs.py does that one check
# instead, against configs/upstream-commits (hash and exact subject);
# every other check stays on.
ignore=UNKNOWN_COMMIT_ID
pass=0 fail=0
while read -r p; do
	case "$p" in ''|'#'*) continue;; esac
	if out=$(cd "$TREE" && ./scripts/checkpatch.pl --strict --quiet \
			--no-summary --show-types --ignore $ignore "$PATCHES/$p" 2>&1) &&
		out=$out$(python3 "$top/scripts/commit-refs.py" "$PATCHES/$p") &&
		[ -z "$out" ]; then
		pass=$((pass+1)); echo "  checkpatch ok      $p"
	else
		fail=$((fail+1)); echo "  checkpatch FAILED  $p"; printf '%s\n' "$out" | sed 's/^/    /' | head -30
	fi
done < <(cat "$PATCHES/series"; [ -f "$PATCHES/0000-cover-letter.patch" ] &&
	  echo 0000-cover-letter.patch)
echo "$pass $fail" > "$res/counts"
[ "$fail" = 0 ]
