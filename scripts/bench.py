#!/usr/bin/env python3
"""make bench: tabulate, fit and plot what the memmap costs.

usage: bench.py [--smoke] TARGET...   (reads build/results/TARGET/bench.txt)

--smoke (make check): reads bench-smoke.txt, writes build/bench-smoke/
without plots, and checks that the CSV has every column and a row per
target, besides the counter checks below.

Writes build/bench/bench.csv (one row per architecture, size and mode,
medians over the runs), build/bench/bench.md (one table per
architecture), build/bench/<T>-cost.png and <T>-bind.png (gnuplot), and
prints a straight-line fit per mode: bytes per GiB and ms per GiB, with
the fit's worst residual.  Exits non-zero when a run's numbers disagree
with the kernel's counters (see check()), so that the benchmark cannot rot.

Modes (harness/bench.sh): mem and dev are a pfn (fsdax) device with its
memmap in DRAM and on the device; kmem and kmem-mom are dax kmem hot-add
with the memmap in DRAM and with memmap_on_memory; dax{2m,1g}-dev, -dedup
and -inplace (asked for with BENCH_MODES) are device-dax in pmem mode at
2 MiB and 1 GiB, the memmap on the device in full, deduplicated with the
1.5 info block's smaller reservation (memmap_dedup) or deduplicated inside
a full memmap's reservation (dax_pmem.memmap_dedup).  Times under emulation
are noisy: each is also given as a ratio to the memmap-in-DRAM case of the
same kind (pfn: mem, kmem: kmem), same size, same guest.
"""
import csv
import os
import shutil
import statistics
import subprocess
import sys

top = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))
out = os.path.join(top, 'build', 'bench')
kind = 'bench'          # or bench-smoke (--smoke)
MODES = ('mem', 'dev', 'kmem', 'kmem-mom', 'dax2m-dev', 'dax2m-dedup', 'dax2m-inplace',
         'dax1g-dev', 'dax1g-dedup', 'dax1g-inplace')
BASE = {'mem': 'mem', 'dev': 'mem', 'kmem': 'kmem', 'kmem-mom': 'kmem',
        'dax2m-dev': 'dax2m-dev', 'dax2m-dedup': 'dax2m-dev', 'dax2m-inplace': 'dax2m-dev',
        'dax1g-dev': 'dax1g-dev', 'dax1g-dedup': 'dax1g-dev', 'dax1g-inplace': 'dax1g-dev'}
GIB = 1 << 30
COLS = ['arch', 'size_bytes', 'mode', 'runs', 'usable_bytes', 'device_given_up_bytes',
        'dram_kb', 'memmap_dram_kb', 'memmap_dev_kb', 'pagetable_kb',
        'bind_ms', 'bind_ratio', 'probe_ms', 'probe_ratio', 'online_ms', 'online_ratio',
        'page_kb']


def read(target):
    runs = {}
    path = os.path.join(top, 'build', 'results', target, kind + '.txt')
    if not os.path.exists(path):
        return runs
    for line in open(path):
        if not line.startswith('BENCH size='):
            continue
        kv = dict(w.split('=', 1) for w in line.split()[1:])
        mode = kv.pop('mode')
        runs.setdefault((int(kv['size']), mode), []).append({k: int(v) for k, v in kv.items()})
    return runs


def check(target, size, mode, r):
    """What every run must show, from the kernel's own counters."""
    page = r['page_kb']
    errs = []
    if r['usable'] <= 0 or r['usable'] > size:
        errs.append(f'usable {r["usable"]} outside (0, {size}]')
    if mode in ('dev', 'kmem-mom') or mode.startswith('dax'):
        # the memmap on the device, at most the two edge pages in DRAM
        if r['memmap_dev_kb'] <= 0 or r['memmap_dram_kb'] > 2 * page:
            errs.append(f'memmap {r["memmap_dram_kb"]} kB in DRAM, {r["memmap_dev_kb"]} kB on the device')
    else:
        if r['memmap_dev_kb'] != 0 or r['memmap_dram_kb'] <= 0:
            errs.append(f'memmap {r["memmap_dram_kb"]} kB in DRAM, {r["memmap_dev_kb"]} kB on the device')
    # free memory fell by at least the memmap the counter puts in DRAM,
    # less what the kernel frees meanwhile: 8 pages, or 1% of the memmap
    # (on x86_64 it fell by up to 92 kB less than a 63488 kB memmap, after
    # free memory had held still for a second: something is freed during
    # the bind, not yet known what).  A counter in bytes, or one that counts
    # the memmap on the device as DRAM, is off by far more.
    slack = max(8 * page, r['memmap_dram_kb'] // 100)
    if r['memmap_dram_kb'] > 8 * page and r['dram_kb'] < r['memmap_dram_kb'] - slack:
        errs.append(f'free memory fell by {r["dram_kb"]} kB, less than the {r["memmap_dram_kb"]} kB memmap in DRAM')
    return [f'{target} {size >> 20} MiB {mode} run {r["run"]}: {e}' for e in errs]


def rows_for(target):
    runs = read(target)
    rows, errs = [], []
    for (size, mode), rs in sorted(runs.items(), key=lambda kv: (kv[0][0], MODES.index(kv[0][1]))):
        for r in rs:
            errs += check(target, size, mode, r)
        med = {k: statistics.median(r[k] for r in rs) for k in rs[0]}
        rows.append({'arch': target, 'size_bytes': size, 'mode': mode, 'runs': len(rs),
                     'usable_bytes': int(med['usable']),
                     'device_given_up_bytes': size - int(med['usable']),
                     'dram_kb': int(med['dram_kb']), 'memmap_dram_kb': int(med['memmap_dram_kb']),
                     'memmap_dev_kb': int(med['memmap_dev_kb']),
                     'pagetable_kb': max(0, int(med['dram_kb'] - med['memmap_dram_kb'])),
                     'bind_ms': med['bind_ms'], 'online_ms': med['online_ms'],
                     'probe_ms': round(med.get('probe_us', 0) / 1000, 1),
                     'page_kb': rs[0]['page_kb']})
    for row in rows:
        base = next((b for b in rows if b['size_bytes'] == row['size_bytes'] and
                     b['mode'] == BASE[row['mode']]), None)
        for k in ('bind', 'probe', 'online'):
            b = base and base[k + '_ms']
            row[k + '_ratio'] = round(row[k + '_ms'] / b, 3) if b else ''
    return rows, errs


def fit(xs, ys):
    """Least squares y = a x + b; (a, b, worst residual)."""
    n = len(xs)
    if n < 2:
        return (ys[0] / xs[0] if xs and xs[0] else 0.0), 0.0, 0.0
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    a = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx if sxx else 0.0
    b = my - a * mx
    return a, b, max(abs(y - (a * x + b)) for x, y in zip(xs, ys))


def plot(target, rows):
    if not shutil.which('gnuplot'):
        print('bench: no gnuplot (apt-get install gnuplot-nox): no plots')
        return
    modes = [m for m in MODES if any(r['mode'] == m for r in rows)]
    dat = os.path.join(out, f'{target}.dat')
    with open(dat, 'w') as f:
        for m in modes:
            f.write(f'# {m}\n')
            for r in rows:
                if r['mode'] == m:
                    gib = r['size_bytes'] / GIB
                    f.write(f'{gib} {r["memmap_dram_kb"] / 1024 / gib} '
                            f'{r["device_given_up_bytes"] / 2**20 / gib} {r["bind_ms"]}\n')
            f.write('\n\n')
    cost = ', '.join(f'"{dat}" index {i} using 1:2 with linespoints title "{m}: DRAM memmap", '
                     f'"{dat}" index {i} using 1:3 with linespoints dashtype 2 title "{m}: device given up"'
                     for i, m in enumerate(modes))
    bind = ', '.join(f'"{dat}" index {i} using 1:4 with linespoints title "{m}"'
                     for i, m in enumerate(modes))
    script = f'''
set terminal png size 900,600 noenhanced
set logscale x 2
set xlabel "namespace size (GiB)"
set key outside
set output "{out}/{target}-cost.png"
set title "{target}: memmap cost per GiB"
set ylabel "MiB per GiB"
plot {cost}
set output "{out}/{target}-bind.png"
set title "{target}: time to bind (hot-add for kmem), median"
set ylabel "ms"
set logscale y 10
plot {bind}
'''
    subprocess.run(['gnuplot'], input=script.encode(), check=True)


def main(targets):
    os.makedirs(out, exist_ok=True)
    allrows, errs, md, fits = [], [], [], []
    for t in targets:
        rows, e = rows_for(t)
        if not rows:
            errs.append(f'{t}: no BENCH lines (build/results/{t}/{kind}.log)')
            continue
        allrows += rows
        errs += e
        md.append(f'\n### {t} ({rows[0]["page_kb"] if rows else "?"} KiB pages)\n')
        md.append('| size | mode | usable | device given up | DRAM taken | memmap in DRAM | '
                  'memmap on device | page tables etc. | bind ms (ratio) | probe ms (ratio) | '
                  'online ms (ratio) |')
        md.append('|---|---|---|---|---|---|---|---|---|---|---|')
        for r in rows:
            md.append(f'| {r["size_bytes"] / GIB:g} GiB | {r["mode"]} | {r["usable_bytes"] / GIB:.3f} GiB | '
                      f'{r["device_given_up_bytes"] / 2**20:.1f} MiB | {r["dram_kb"] / 1024:.1f} MiB | '
                      f'{r["memmap_dram_kb"] / 1024:.1f} MiB | {r["memmap_dev_kb"] / 1024:.1f} MiB | '
                      f'{r["pagetable_kb"]} kB | {r["bind_ms"]:g} ({r["bind_ratio"]}) | '
                      f'{r["probe_ms"]:g} ({r["probe_ratio"]}) | '
                      f'{r["online_ms"]:g} ({r["online_ratio"]}) |')
        for m in MODES:
            rs = [r for r in rows if r['mode'] == m]
            if not rs:
                continue
            xs = [r['size_bytes'] / GIB for r in rs]
            line = f'{t:8} {m:9}'
            for name, key, scale, unit in (
                    ('memmap', lambda r: (r['memmap_dram_kb'] + r['memmap_dev_kb']) * 1024, 1, 'B'),
                    ('DRAM', lambda r: r['dram_kb'] * 1024, 1, 'B'),
                    ('device', lambda r: r['device_given_up_bytes'], 1, 'B'),
                    ('bind', lambda r: r['bind_ms'], 1, 'ms'),
                    ('probe', lambda r: r['probe_ms'], 1, 'ms')):
                a, b, worst = fit(xs, [key(r) * scale for r in rs])
                line += f'  {name} {a:,.0f} {unit}/GiB (+{b:,.0f}, worst residual {worst:,.0f})'
            fits.append(line)
        if kind == 'bench':
            plot(t, rows)
    with open(os.path.join(out, 'bench.csv'), 'w', newline='') as f:
        w = csv.DictWriter(f, fieldnames=COLS)
        w.writeheader()
        for r in allrows:
            w.writerow({k: r[k] for k in COLS})
    with open(os.path.join(out, 'bench.md'), 'w') as f:
        f.write('\n'.join(md) + '\n\nStraight-line fits (per GiB of namespace):\n\n    ' +
                '\n    '.join(fits) + '\n')
    print('\n'.join(md))
    print('\nfits, per GiB of namespace:')
    print('\n'.join(fits))
    print(f'\nbench: {len(allrows)} rows in {out}/bench.csv, bench.md and the plots')
    # the CSV as a reader gets it: every column, a row per target
    with open(os.path.join(out, 'bench.csv')) as f:
        got = list(csv.DictReader(f))
    if not got or list(got[0]) != COLS:
        errs.append(f'bench.csv columns {list(got[0]) if got else []} != {COLS}')
    for t in targets:
        if not any(r['arch'] == t for r in got):
            errs.append(f'bench.csv has no row for {t}')
    for e in errs:
        print('bench: FAILED ' + e)
    return 1 if errs or not allrows else 0


if __name__ == '__main__':
    args = sys.argv[1:]
    if args[:1] == ['--smoke']:
        args = args[1:]
        kind = 'bench-smoke'
        out = os.path.join(top, 'build', 'bench-smoke')
    sys.exit(main(args) if args else 2)
