#!/usr/bin/env python3
"""Summarise one target's KUnit run.

usage: summarize.py TARGET results.json console.log

Prints one line per suite and writes build/results/TARGET/counts
("passed failed skipped").  A skipped case counts as failed: every case is
expected to run in this harness's guests, except the memmap_on_memory
cases (EXPECTED_SKIPS) where configs/targets/TARGET.py says MOM_REFUSED:
the kernel refuses them by design there.  The suite asserts that refusal
before it skips; such a case is counted as skipped, never as passed, and a listed
case that does not skip fails.  Cases of the vmem_altmap suites that never
reported (a crash or a hang) count as failed, and so does a console that
shows a WARNING, BUG or Oops.
"""
import json
import os
import re
import sys

from consolecheck import assertion_lines, bad_lines
from target import load_target, read_base

target, jpath, cpath = sys.argv[1:4]
resdir = os.path.dirname(jpath)
top = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))
base = read_base(top)
tree = base['TREE']
excused_fn = base.get('EXCUSED_WARNING')
cfg = load_target(top, target)
src = os.path.join(top, tree, 'lib', 'test_vmem_altmap.c')

passed, failed, skipped = [], [], []

allowed = set(cfg.EXPECTED_SKIPS)     # from MOM_REFUSED in the target

def walk(group, prefix=''):
    for case in group.get('test_cases', []):
        name = f"{prefix}{case['name']}"
        st = case['status']
        if st == 'SKIP' and name.split('.')[-1] in allowed:
            skipped.append((name, st))
        elif st == 'SKIP' or (st == 'PASS' and name.split('.')[-1] in allowed):
            failed.append((name, st + ('' if st == 'SKIP' else ', expected SKIP')))
        else:
            (passed if st == 'PASS' else failed).append((name, st))
    for sub in group.get('sub_groups', []):
        walk(sub, f"{sub['name']}.")

data = {}
if os.path.exists(jpath):
    try:
        with open(jpath) as f:
            data = json.load(f)
    except ValueError:
        data = {}
walk(data)

# Every KUNIT_CASE() of the suite must have reported.
expected = []
if os.path.exists(src):
    with open(src) as f:
        expected = re.findall(r'KUNIT_CASE(?:_SLOW)?\((\w+)\)', f.read())
# the three suites: vmem_altmap_alloc, vmem_altmap_range, vmem_altmap_hotadd
seen = {n.split('.', 1)[1] for n, _ in passed + failed + skipped
        if n.startswith('vmem_altmap')}
for case in expected:
    if case not in seen:
        failed.append((f'vmem_altmap*.{case}', 'MISSING'))

console = open(cpath, errors='replace').read() if os.path.exists(cpath) else ''
# The console is a gate, not a test case: a WARNING, BUG or Oops anywhere
# fails the run.  The one warning the suite provokes on purpose
# (altmap_free_refuses_underflow) is suppressed by KUnit's own
# kunit_warning_suppress(), so nothing is excused here.
hits, known = bad_lines(console, getattr(cfg, 'KNOWN_CONSOLE_WARNINGS', {}))
for l in known:
    print(f'  {target:8} console, excused: {l}')
if excused_fn:     # only where the base says why (configs/bases/)
    w = re.compile(r'WARNING: .* at (\S+/)?include/linux/mm\.h:\d+ ' + excused_fn + r'\+')
    excused = [l for l in hits if w.search(l)][:1]
    hits = [l for l in hits if l not in excused]
with open(os.path.join(resdir, 'console-gate'), 'w') as f:
    f.write('FAILED\n' if hits else 'ok\n')

suites = {}
for n, st in passed + failed:
    s = n.split('.', 1)[0]
    p, f = suites.get(s, (0, 0))
    suites[s] = (p + (st == 'PASS'), f + (st != 'PASS'))
for s, (p, f) in sorted(suites.items()):
    print(f'  {target:8} {s:28} {p:3} passed {f:3} failed')
for n, st in failed:
    print(f'  {target:8} FAILED {n} ({st})')
for n, st in skipped:
    print(f'  {target:8} skipped by design: {n}')
for l in hits[:10]:
    print(f'  {target:8} console: {l.strip()}')

# What failed and why, for the run's closing summary (check.sh prints it
# last, where CI's tail shows it): each failed case with the KUnit
# expectation lines of the console, and the console gate's hits.
with open(os.path.join(resdir, 'failures'), 'w') as f:
    for n, st in failed:
        f.write(f'kunit {n} ({st})\n')
    if failed:
        for l in assertion_lines(console)[:12]:
            f.write(f'  {l}\n')
    for l in hits[:5]:
        f.write(f'console: {l.strip()}\n')
with open(os.path.join(resdir, 'counts'), 'w') as f:
    f.write(f'{len(passed)} {len(failed)} {len(skipped)}\n')
sys.exit(1 if failed or hits else 0)
