# Sourced by the harness scripts: read the base named by $BASE (default
# mainline) from configs/bases/, with its paths made absolute.
BASE=${BASE:-mainline}
[ -f "$top/configs/bases/$BASE" ] || { echo "no base '$BASE' (configs/bases/)" >&2; exit 2; }
# shellcheck disable=SC1090
. "$top/configs/bases/$BASE"
PATCHES=$top/$PATCHES TREE=$top/$TREE OUT=$top/$OUT RESULTS=$top/$RESULTS
PIN=$(cat "$top/$PIN_FILE" 2>/dev/null || echo unknown)
