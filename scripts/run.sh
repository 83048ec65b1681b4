#!/bin/bash
# make run ARCH=T: the main job.  Builds T's kernel if needed, boots it
# with a 4 GiB emulated NVDIMM, sets the namespace up as a pfn (fsdax)
# device once with its memmap in DRAM and once on the device
# (harness/demo.sh), and prints what each costs.
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
unset MAKEFLAGS MAKELEVEL MFLAGS ARCH
t=${1:-x86_64}
cd "$top"
scripts/deps.sh || exit 1
scripts/kunit.sh build "$t" || exit 1
scripts/guest.py "$t" --demo >/dev/null
rc=$?
python3 - "$t" "build/results/$t/demo.txt" <<'PY'
import sys
t, path = sys.argv[1:3]
rows = {}
try:
    for line in open(path):
        if line.startswith('DEMO mode='):
            kv = dict(w.split('=', 1) for w in line.split()[1:])
            rows[kv['mode']] = {k: int(v) for k, v in kv.items() if k != 'mode'}
except OSError:
    pass
if set(rows) != {'ram', 'pmem'}:
    print(f'run: {t}: the guest did not set both modes up (see build/results/{t}/guest.log)')
    sys.exit(1)
r, p = rows['ram'], rows['pmem']
gib = lambda b: f'{b / 2**30:.3f} GiB'
mib = lambda b: f'{b / 2**20:.1f} MiB'
print(f'memmap on device, {t} ({r["page_kb"]} KiB pages): one {gib(r["size"])} pmem namespace')
print(f'  {"memmap":10} {"namespace":>11} {"usable":>11} {"DRAM taken":>11} {"device taken":>13} {"set-up":>8}')
for name, row, dev in (('in DRAM', r, 0), ('on device', p, r['usable'] - p['usable'])):
    print(f'  {name:10} {gib(row["size"]):>11} {gib(row["usable"]):>11} '
          f'{mib(row["dram_kb"] * 1024):>11} {mib(dev):>13} {row["ms"] / 1000:>7.2f}s')
print('  (DRAM taken: free memory before less after the bind: the memmap, if in DRAM, plus\n'
      '   page tables for the new linear map, about 2 MiB per GiB where it is mapped with base\n'
      '   pages as on arm64; device taken: usable capacity given up to the memmap, DRAM mode\n'
      '   less on-device mode; set-up: the bind, under TCG)')
PY
prc=$?
[ $rc = 0 ] && [ $prc = 0 ]
