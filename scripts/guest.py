#!/usr/bin/env python3
"""Boot a target's kernel with an emulated device and run the mm selftests.

usage: guest.py TARGET [--demo]

With --demo, the guest runs harness/demo.sh instead (make run): the
namespace set up once with its memmap in DRAM and once on the device; its
DEMO lines go to build/results/TARGET/demo.txt.

Reads configs/targets/TARGET.py (the same file kunit.py uses) for the QEMU
binary, machine, console and the GUEST_* settings, builds an initramfs from
Debian's busybox-static for the guest's architecture plus the statically
linked selftest, boots it (a guest that hangs is killed after GUEST_TIMEOUT
seconds), keeps the console in build/results/TARGET/guest.log, parses the
TAP it prints and writes build/results/TARGET/guest-counts ("passed failed").
"""
import os
import re
import shutil
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from consolecheck import bad_lines, load_target  # noqa: E402  as the KUnit check

top = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))
target = sys.argv[1]
demo = '--demo' in sys.argv[2:]


def read_base(name):
    """configs/bases/NAME: shell assignments (KEY=value) naming the paths."""
    kv = {}
    for line in open(os.path.join(top, 'configs', 'bases', name)):
        m = re.match(r'^([A-Z_]+)=(.*)$', line.strip())
        if m:
            kv[m.group(1)] = m.group(2).strip('"')
    return kv


base = read_base(os.environ.get('BASE', 'mainline'))
tree = os.path.join(top, base['TREE'])
res = os.path.join(top, base['RESULTS'], target)
work = os.path.join(top, 'build', 'guest', os.environ.get('BASE', 'mainline'), target)
os.makedirs(res, exist_ok=True)
os.makedirs(work, exist_ok=True)


cfg = load_target(top, target)
# a target that boots another target's kernel (BUILD_FROM)
out = os.path.join(top, base['OUT'], getattr(cfg, 'BUILD_FROM', target))
q = cfg.QEMU_ARCH
cross = getattr(cfg, 'CROSS_COMPILE', '')
busybox = getattr(cfg, 'GUEST_BUSYBOX', '/bin/busybox').replace('@TOP@', top)
timeout = getattr(cfg, 'GUEST_TIMEOUT', 900)
tests = [] if demo else getattr(cfg, 'GUEST_TESTS', ['memmap_on_device'])




def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


# 1. the selftests, static, with the target's compiler
bins = []
for t in tests:
    exe = os.path.join(work, t)
    sh([cross + 'gcc', '-static', '-O2', '-Wall', '-Werror',
        '-I', os.path.join(tree, 'tools', 'testing', 'selftests'),
        '-o', exe, os.path.join(tree, 'tools', 'testing', 'selftests', 'mm', t + '.c')])
    bins.append(exe)

# 2. the initramfs
root = os.path.join(work, 'root')
shutil.rmtree(root, ignore_errors=True)
for d in ('bin', 'dev', 'proc', 'sys', 'tmp'):
    os.makedirs(os.path.join(root, d))
shutil.copy(busybox, os.path.join(root, 'bin', 'busybox'))
for b in bins:
    shutil.copy(b, os.path.join(root, 'bin'))
if demo:
    shutil.copy(os.path.join(top, 'harness', 'demo.sh'), os.path.join(root, 'bin'))
    runs = '/bin/busybox sh /bin/demo.sh; echo "GUEST-RESULT demo $?"'
genv = dict(getattr(cfg, 'GUEST_ENV', {}))
genv.update({k: v for k, v in os.environ.items()
             if k.startswith('MEMMAP_') and k != 'MEMMAP_ARGS'})
env = ' '.join(f'{k}={v}' for k, v in genv.items())
if not demo:
    # MEMMAP_ARGS: kselftest_harness options, e.g. "-f pair" for one fixture
    args = os.environ.get('MEMMAP_ARGS', '')
    runs = '\n'.join(f'{env} /bin/{t} {args}; echo "GUEST-RESULT {t} $?"' for t in tests)
init = f"""#!/bin/busybox sh
/bin/busybox --install -s /bin
export PATH=/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
echo GUEST-START
{runs}
echo GUEST-DONE
poweroff -f
"""
with open(os.path.join(root, 'init'), 'w') as f:
    f.write(init)
os.chmod(os.path.join(root, 'init'), 0o755)
cpio = os.path.join(work, 'initramfs.cpio')
sh(f'cd {root} && find . | cpio -o -H newc --quiet > {cpio}', shell=True)

# 3. boot
extra = [a.replace('@WORK@', work) for a in cfg.GUEST_QEMU]
for f in getattr(cfg, 'GUEST_FILES', []):      # (path, size): fresh each run
    p = f[0].replace('@WORK@', work)
    if os.path.exists(p):
        os.unlink(p)
    with open(p, 'wb') as fh:
        fh.truncate(f[1])
cmd = (['qemu-system-' + q.qemu_arch, '-nodefaults', '-no-reboot', '-nographic',
        '-serial', 'stdio', '-kernel',
        os.path.join(out, getattr(cfg, 'GUEST_KERNEL', q.kernel_path)),
        '-initrd', cpio, '-append', cfg.GUEST_APPEND] + extra)
log = os.path.join(res, 'guest.log')
print('guest: ' + ' '.join(cmd), flush=True)
hung = False
t0 = time.time()
with open(log, 'w') as fh:
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL)
    killer = threading.Timer(timeout, proc.kill)
    killer.start()
    done_at = None
    for raw in proc.stdout:
        line = raw.decode(errors='replace')
        fh.write(line)
        fh.flush()
        if 'GUEST-DONE' in line and done_at is None:
            # poweroff can end in a halt where the machine has no power
            # control: give it a few seconds, then stop QEMU ourselves.
            done_at = threading.Timer(10, proc.kill)
            done_at.start()
    proc.wait()
    killer.cancel()
    if done_at:
        done_at.cancel()
    hung = time.time() - t0 >= timeout
print(f'guest: ran {time.time() - t0:.0f} s', flush=True)
console = open(log, errors='replace').read()

if demo:
    lines = [l.strip() for l in console.splitlines() if l.startswith('DEMO')]
    with open(os.path.join(res, 'demo.txt'), 'w') as f:
        f.write('\n'.join(lines) + '\n')
    bad, _ = bad_lines(console, getattr(cfg, 'KNOWN_CONSOLE_WARNINGS', {}))
    for l in bad[:10]:
        print(f'  {target:8} console: {l.strip()}')
    ok = (not hung and 'GUEST-RESULT demo 0' in console and not bad and
          len([l for l in lines if l.startswith('DEMO mode=')]) == 2)
    sys.exit(0 if ok else 1)

# 4. results: each selftest's TAP, plus the console check
passed, failed, xfail = [], [], []
for line in console.splitlines():
    m = re.match(r'^(not ok|ok) \d+ (\S+)(.*)$', line.strip())
    if m and '.' in m.group(2):            # kselftest_harness: fixture.test
        name = m.group(2)
        if m.group(1) == 'ok' and '# XFAIL' in m.group(3):
            # an expected failure names its defect; never a pass
            xfail.append(name + ' ' + m.group(3).split('# XFAIL', 1)[1].strip())
        elif m.group(1) == 'ok' and '#' not in m.group(3):
            passed.append(name)
        else:
            failed.append(name + (' (skipped)' if 'SKIP' in m.group(3) else ''))
# Every case the selftest is expected to have (configs/selftest-cases,
# one "fixture.variant.test" per line) must have reported, and the TAP
# plan must announce exactly that many: a filter, a crash or a harness
# change that drops a case fails here.  An XFAIL passes only where the
# target names it with its defect (GUEST_XFAIL = {'case': 'defect'}).
expected = [l.strip() for l in open(os.path.join(top, 'configs', 'selftest-cases'))
            if l.strip() and not l.startswith('#')]
plans = [int(m.group(1)) for m in re.finditer(r'^1\.\.(\d+)\s*$', console, re.M)]
seen = set(passed) | {n.split(' ')[0] for n in failed} | {n.split(' ')[0] for n in xfail}
if plans != [len(expected)]:
    failed.append(f'tap-plan (announced {plans}, expected [{len(expected)}])')
for n in expected:
    if n not in seen:
        failed.append(f'{n} (MISSING)')
for n in sorted(seen - set(expected)):
    failed.append(f'{n} (not in configs/selftest-cases)')
allowed_xfail = getattr(cfg, 'GUEST_XFAIL', {})
for n in list(xfail):
    if n.split(' ')[0] not in allowed_xfail:
        xfail.remove(n)
        failed.append(n.split(' ')[0] + ' (XFAIL not allowed for this target)')
for t in tests:
    if not re.search(rf'GUEST-RESULT {t} 0\b', console):
        failed.append(f'{t} (exit status)')
if hung or 'GUEST-DONE' not in console:
    failed.append(f'guest (hung or died; killed after {timeout} s)' if hung else 'guest (no GUEST-DONE)')
hits, known = bad_lines(console, getattr(cfg, 'KNOWN_CONSOLE_WARNINGS', {}))
for l in known:
    print(f'  {target:8} console, excused: {l}')
with open(os.path.join(res, 'guest-console-gate'), 'w') as f:
    f.write('FAILED\n' if hits else 'ok\n')       # a gate, not a test case
for l in console.splitlines():
    if '# ' in l and ('MemFree' in l or 'capacity' in l or 'cycles' in l):
        print('  ' + target + ' ' + l.strip())
print(f'  {target:8} selftests {len(passed):3} passed {len(failed):3} failed {len(xfail):3} xfail')
for n in xfail:
    print(f'  {target:8} XFAIL {n}')
for n in failed:
    print(f'  {target:8} FAILED {n}')
for l in hits[:10]:
    print(f'  {target:8} console: {l.strip()}')
with open(os.path.join(res, 'guest-counts'), 'w') as f:
    f.write(f'{len(passed)} {len(failed)} {len(xfail)}\n')
sys.exit(1 if failed or hits else 0)
