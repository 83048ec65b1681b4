#!/bin/bash
# make bench [ARCH=T]: what the memmap costs, per architecture, size and
# mode.  For each target (default x86_64, arm64 and ppc64): build its
# kernel if needed, boot it with one emulated NVDIMM per size in
# BENCH_SIZES (default "1G 4G 16G 64G", sparse backing files) and run
# harness/bench.sh there (BENCH_RUNS runs per mode, default 3); then
# scripts/bench.py writes build/bench/: the CSV, a Markdown table, the
# plots and the straight-line fits.
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
unset MAKEFLAGS MAKELEVEL MFLAGS ARCH
cd "$top"
targets=${*:-x86_64 arm64 ppc64}
scripts/deps.sh || exit 1
if ! command -v gnuplot >/dev/null; then
	SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends gnuplot-nox >/dev/null ||
		echo "bench: gnuplot-nox did not install: no plots"
fi
rc=0
for t in $targets; do
	scripts/kunit.sh build "$t" || { rc=1; continue; }
	t0=$(date +%s)
	scripts/guest.py "$t" --bench >/dev/null || { echo "bench: $t: the guest failed (build/results/$t/bench.log)"; rc=1; }
	echo "bench: $t: guest ran $(( $(date +%s) - t0 )) s"
done
python3 scripts/bench.py $targets || rc=1
exit $rc
