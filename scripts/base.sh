# Sourced by the harness scripts: read the base named by $BASE (default
# mainline) from configs/bases/, with its paths made absolute.
BASE=${BASE:-mainline}
[ -f "$top/configs/bases/$BASE" ] || { echo "no base '$BASE' (configs/bases/)" >&2; exit 2; }
# shellcheck disable=SC1090
. "$top/configs/bases/$BASE"
PATCHES=$top/$PATCHES TREE=$top/$TREE OUT=$top/$OUT RESULTS=$top/$RESULTS
# scripts/revert-check.sh builds and tests a scratch copy of the tree (the
# series with one patch reverted) in a directory of its own.
if [ -n "${HARNESS_SCRATCH:-}" ]; then
	TREE=$top/$HARNESS_SCRATCH/linux OUT=$top/$HARNESS_SCRATCH/out
	RESULTS=$top/$HARNESS_SCRATCH/results
fi
PIN=$(cat "$top/$PIN_FILE" 2>/dev/null || echo unknown)
