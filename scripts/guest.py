#!/usr/bin/env python3
"""Boot a target's kernel with emulated NVDIMMs and run the mm selftests.

usage: guest.py [boot|parse] TARGET [--demo|--bench|--format|--admin|--soak]

As kunit.py splits build, exec and parse, so does this: "boot" builds the
initramfs (Debian's busybox-static for the guest's architecture plus the
statically linked selftest), boots the target's kernel (killed after
GUEST_TIMEOUT seconds if it hangs) and keeps the console in
build/results/TARGET/guest.log with the boot's outcome in guest-boot;
"parse" reads them back, checks the TAP plan, the case list and the
console, and writes guest-counts ("passed failed xfail").  Without a step,
both.  A guest.log can be re-parsed without booting again.

With --demo, the guest runs harness/demo.sh instead (make run): the
namespace set up once with its memmap in DRAM and once on the device; its
DEMO lines go to build/results/TARGET/demo.txt.  With --bench, the guest
runs harness/bench.sh (make bench) with one NVDIMM per size in BENCH_SIZES
(default "1G 4G 16G 64G") and BENCH_RAM of memory (default 4G, room for
the largest memmap in DRAM); its BENCH lines go to bench.txt (BENCH_NAME.txt:
make check's smoke uses bench-smoke).  With --format, the guest runs
harness/format.sh (make check-format, scripts/check-format.sh) with the
phase in FORMAT_PHASE, one NVDIMM of FORMAT_SIZE (default 4G) whose backing
file in build/guest/format/ is kept from boot to boot (FORMAT_KEEP=1), and
the kernel in FORMAT_KERNEL_OUT (a build directory) where given; its
FORMAT lines go to format-FORMAT_NAME.txt.  With --admin, the guest runs
harness/admin.sh (make check, issue 16) with Debian's ndctl and daxctl
(scripts/fetch-admin.sh) in the initramfs; console in admin.log, its ADMIN
lines in admin.txt and the count of its checks in admin-counts.  With
--soak, the guest runs harness/soak.sh (make soak) on two NVDIMMs of
SOAK_SIZE, one per node; console in soak.log, SOAK lines in soak.txt.

The target (configs/targets/TARGET.py, read by scripts/target.py) gives
the QEMU machine (GUEST_MACHINE), the NVDIMM sizes (GUEST_NVDIMMS, laid
out here: one fresh sparse backing file each, GUEST_NVDIMM_LABEL bytes of
label area and a uuid where the region is label-based), the kernel command
line (GUEST_APPEND) and the busybox binary.  Every guest has two NUMA
nodes with the NVDIMMs on node 1 (GUEST_NODE1_RAM, numa_setup()).
"""
import os
import re
import shutil
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from consolecheck import bad_lines  # noqa: E402  as the KUnit check
from target import load_target, read_base  # noqa: E402  the one reader

top = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def size_bytes(s):
    return int(s[:-1]) << {'K': 10, 'M': 20, 'G': 30}[s[-1]]


class Guest:
    def __init__(self, target, mode=None):
        self.target, self.mode = target, mode
        self.demo = mode is not None
        bname = os.environ.get('BASE', 'mainline')
        base = read_base(top, bname)
        self.tree = os.path.join(top, base['TREE'])
        self.res = os.path.join(top, base['RESULTS'], target)
        self.work = os.path.join(top, 'build', 'guest', bname, target)
        os.makedirs(self.res, exist_ok=True)
        os.makedirs(self.work, exist_ok=True)
        cfg = self.cfg = load_target(top, target)
        # a target that boots another target's kernel (BUILD_FROM)
        self.out = os.path.join(top, base['OUT'], getattr(cfg, 'BUILD_FROM', target))
        self.cross = getattr(cfg, 'CROSS_COMPILE', '')
        self.busybox = getattr(cfg, 'GUEST_BUSYBOX', '/bin/busybox').replace('@TOP@', top)
        self.timeout = getattr(cfg, 'GUEST_TIMEOUT', 900)
        self.sizes = list(cfg.GUEST_NVDIMMS)
        self.machine = list(cfg.GUEST_MACHINE)
        self.tests = [] if self.demo else getattr(cfg, 'GUEST_TESTS', ['memmap_on_device'])
        self.log = os.path.join(self.res, 'guest.log')
        self.status = os.path.join(self.res, 'guest-boot')
        if mode == 'bench':
            self.bench_setup()
        if mode == 'format':
            self.format_setup()
        if mode == 'admin':
            self.log = os.path.join(self.res, 'admin.log')
            self.status = os.path.join(self.res, 'admin-boot')
        if mode == 'soak':
            self.soak_setup()
        self.numa_setup()

    def soak_setup(self):
        """make soak: two NVDIMMs of SOAK_SIZE (default 2G), the first on
        node 1 (the cycles), the second on node 0 (bound and unbound beside
        them); a timeout of 30 s per cycle on top of 10 minutes."""
        size = os.environ.get('SOAK_SIZE', '2G')
        self.sizes = [size, size]
        self.nv_nodes = [1, 0]
        self.timeout = int(os.environ.get('SOAK_TIMEOUT',
                                          600 + 30 * int(os.environ.get('SOAK_CYCLES', '1000'))))
        self.log = os.path.join(self.res, 'soak.log')
        self.status = os.path.join(self.res, 'soak-boot')

    def numa_setup(self):
        """Two NUMA nodes, as the machines with pmem or CXL have: node 0
        with every CPU and the RAM less GUEST_NODE1_RAM (default 1G), node
        1 with that RAM and no CPU, and the NVDIMMs on node 1, so that the
        device memory's node is not the CPUs' (issue 16).  GUEST_NODE1_RAM
        = '' keeps one node."""
        node1 = getattr(self.cfg, 'GUEST_NODE1_RAM', '1G')
        self.node = None
        if not node1:
            return
        i = self.machine.index('-m')
        ram, _, rest = self.machine[i + 1].partition(',')
        node0 = size_bytes(ram) - size_bytes(node1)
        if node0 <= 0:
            raise SystemExit(f'{self.target}: -m {ram} leaves no RAM for node 0')
        cpus = int(self.machine[self.machine.index('-smp') + 1].split(',')[0])
        self.machine += ['-object', f'memory-backend-ram,id=node0,size={node0 >> 20}M',
                         '-object', f'memory-backend-ram,id=node1,size={node1}',
                         '-numa', f'node,nodeid=0,cpus=0-{cpus - 1},memdev=node0',
                         '-numa', 'node,nodeid=1,memdev=node1']
        self.node = 1

    def format_setup(self):
        """One NVDIMM, shared by the boots of make check-format whatever
        their kernel: the backing file lives outside the per-base work
        directory and survives a boot when FORMAT_KEEP is set."""
        self.sizes = [os.environ.get('FORMAT_SIZE', '4G')]
        self.work = os.path.join(top, 'build', 'guest', 'format')
        os.makedirs(self.work, exist_ok=True)
        self.out = os.environ.get('FORMAT_KERNEL_OUT', self.out)
        self.res = os.path.join(top, 'build', 'results', 'format')
        os.makedirs(self.res, exist_ok=True)
        self.name = 'format-' + os.environ.get('FORMAT_NAME', os.environ.get('FORMAT_PHASE', 'x'))
        self.log = os.path.join(self.res, self.name + '.log')
        self.status = os.path.join(self.res, self.name + '-boot')

    def bench_setup(self):
        """One NVDIMM per BENCH_SIZES entry, and memory for the largest
        memmap in DRAM: the target's machine with '-m' resized."""
        self.sizes = os.environ.get('BENCH_SIZES', '1G 4G 16G 64G').split()
        ram = os.environ.get('BENCH_RAM', '4G')
        label = getattr(self.cfg, 'GUEST_NVDIMM_LABEL', None)
        total = sum(size_bytes(x) + (size_bytes(label) if label else 0) for x in self.sizes)
        maxmem = (size_bytes(ram) + total + (4 << 30)) >> 30
        i = self.machine.index('-m')
        self.machine[i + 1] = f'{ram},slots={len(self.sizes)},maxmem={maxmem}G'
        self.timeout = int(os.environ.get('BENCH_TIMEOUT', '1800'))
        self.name = os.environ.get('BENCH_NAME', 'bench')     # bench-smoke in make check
        self.log = os.path.join(self.res, self.name + '.log')
        self.status = os.path.join(self.res, self.name + '-boot')

    def nvdimms(self):
        """(files, qemu args): one fresh sparse backing file per NVDIMM,
        placed back to back by QEMU in the order given."""
        label = getattr(self.cfg, 'GUEST_NVDIMM_LABEL', None)
        files, args = [], []
        for i, size in enumerate(self.sizes):
            path = os.path.join(self.work, f'pmem{i}.img')
            n = size_bytes(size) + (size_bytes(label) if label else 0)
            files.append((path, n))
            dev = f'nvdimm,id=nv{i},memdev=mem{i}'
            if self.node is not None:
                nodes = getattr(self, 'nv_nodes', None)
                dev += f',node={nodes[i] if nodes else self.node}'
            if label:       # label-based region: pseries wants a uuid too
                dev += f',label-size={label},uuid=5f1f5c2e-8d3b-4c6e-9a77-0b1e2d3c4f{0x50 + i:02x}'
            args += ['-object', f'memory-backend-file,id=mem{i},share=on,mem-path={path},size={n}',
                     '-device', dev]
        return files, args

    def initramfs(self):
        bins = []
        for t in self.tests:        # the selftests, static, with the target's compiler
            exe = os.path.join(self.work, t)
            sel = os.path.join(self.tree, 'tools', 'testing', 'selftests')
            sh([self.cross + 'gcc', '-static', '-O2', '-Wall', '-Werror', '-I', sel,
                '-o', exe, os.path.join(sel, 'mm', t + '.c')])
            bins.append(exe)
        root = os.path.join(self.work, 'root')
        shutil.rmtree(root, ignore_errors=True)
        for d in ('bin', 'dev', 'proc', 'sys', 'tmp'):
            os.makedirs(os.path.join(root, d))
        shutil.copy(self.busybox, os.path.join(root, 'bin', 'busybox'))
        for b in bins:
            shutil.copy(b, os.path.join(root, 'bin'))
        if self.mode == 'admin':    # Debian's ndctl, daxctl and their libraries
            deb = {'x86_64': 'amd64', 'arm64': 'arm64',
                   'powerpc': 'ppc64el'}[self.cfg.QEMU_ARCH.linux_arch]
            adm = os.path.join(top, 'build', 'admin', deb, 'root')
            if not os.path.isdir(adm):
                raise SystemExit(f'{adm}: missing (scripts/fetch-admin.sh {deb})')
            sh(['cp', '-a', adm + '/.', root])
            # libkmod (daxctl loads kmem through it) finds a built-in
            # driver in the kernel's modules.builtin index, as on a
            # distribution's root file system: depmod makes it
            rel = open(os.path.join(self.out, 'include', 'config', 'kernel.release')).read().strip()
            mods = os.path.join(root, 'lib', 'modules', rel)
            os.makedirs(mods)
            for f in ('modules.builtin', 'modules.builtin.modinfo'):
                shutil.copy(os.path.join(self.out, f), mods)
            open(os.path.join(mods, 'modules.order'), 'w').close()
            sh(['/sbin/depmod', '-b', root, rel])
        genv = dict(getattr(self.cfg, 'GUEST_ENV', {}))
        genv.update({k: v for k, v in os.environ.items()
                     if k.startswith('MEMMAP_') and k != 'MEMMAP_ARGS'})
        env = ' '.join(f'{k}={v}' for k, v in genv.items())
        if self.demo:
            script = self.mode + '.sh'
            for f in (script, 'guest-lib.sh'):
                shutil.copy(os.path.join(top, 'harness', f), os.path.join(root, 'bin'))
            if self.mode == 'format':   # /dev/daxX.Y can only be mmap()ed
                sh([self.cross + 'gcc', '-static', '-O2', '-Wall', '-Werror', '-o',
                    os.path.join(root, 'bin', 'daxpattern'),
                    os.path.join(top, 'harness', 'daxpattern.c')])
            benv = ' '.join(f'{k}="{os.environ[k]}"' for k in ('BENCH_RUNS', 'BENCH_RUNS_LARGE', 'BENCH_MODES',
                                                                 'SOAK_CYCLES', 'SOAK_CHECK', 'SOAK_BOUND_KB',
                                                                 'FORMAT_PHASE')
                            if k in os.environ)
            runs = f'{benv} /bin/busybox sh /bin/{script}; echo "GUEST-RESULT {self.mode} $?"'
        else:
            # MEMMAP_ARGS: kselftest_harness options, e.g. "-f pair" for one fixture
            args = os.environ.get('MEMMAP_ARGS', '')
            runs = '\n'.join(f'{env} /bin/{t} {args}; echo "GUEST-RESULT {t} $?"'
                             for t in self.tests)
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
        cpio = os.path.join(self.work, 'initramfs.cpio')
        sh(f'cd {root} && find . | cpio -o -H newc --quiet > {cpio}', shell=True)
        return cpio

    def boot(self):
        """Boot once; the console goes to guest.log, "SECONDS HUNG" to guest-boot."""
        cpio = self.initramfs()
        files, nv = self.nvdimms()
        for path, n in files:       # fresh each run: a pfn info block survives a boot
            if (self.mode == 'format' and os.environ.get('FORMAT_KEEP') and
                    os.path.exists(path) and os.path.getsize(path) == n):
                continue            # make check-format: the same device, rebooted
            if os.path.exists(path):
                os.unlink(path)
            with open(path, 'wb') as fh:
                fh.truncate(n)
        q, cfg = self.cfg.QEMU_ARCH, self.cfg
        append = cfg.GUEST_APPEND
        # make bench times what a kernel without CONFIG_DEBUG_VM does: the
        # test kernels' DEBUG_VM poisons every struct page of a range at
        # hot-add (page_init_poison()), a write per struct page that would
        # hide what memmap init costs, and what a deduplicated memmap saves.
        # initcall_debug: the kernel logs how long each driver probe took
        # (harness/bench.sh reads the probe that maps the memmap).
        if self.mode == 'bench':
            append += ' vm_debug=- initcall_debug'
        cmd = (['qemu-system-' + q.qemu_arch, '-nodefaults', '-no-reboot', '-nographic',
                '-serial', 'stdio', '-kernel',
                os.path.join(self.out, getattr(cfg, 'GUEST_KERNEL', q.kernel_path)),
                '-initrd', cpio, '-append', append] + self.machine + nv)
        print('guest: ' + ' '.join(cmd), flush=True)
        if os.path.exists(self.status):
            os.unlink(self.status)
        t0 = time.time()
        with open(self.log, 'w') as fh:
            proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                    stdin=subprocess.DEVNULL)
            killer = threading.Timer(self.timeout, proc.kill)
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
        took = time.time() - t0
        with open(self.status, 'w') as f:
            f.write(f'{took:.0f} {1 if took >= self.timeout else 0}\n')
        print(f'guest: ran {took:.0f} s', flush=True)

    def read_boot(self):
        """(console, hung); a boot that left no status counts as hung."""
        try:
            console = open(self.log, errors='replace').read()
            hung = open(self.status).read().split()[1] != '0'
        except (OSError, IndexError):
            return '', True
        return console, hung

    def marked(self, prefix, name):
        """What the harness scripts' parsers share: (console, hung, lines,
        bad): the console's lines that start with PREFIX, also written to
        NAME.txt in the results, and its WARNING/BUG/lockdep lines."""
        console, hung = self.read_boot()
        lines = [l.strip() for l in console.splitlines() if l.startswith(prefix)]
        with open(os.path.join(self.res, name + '.txt'), 'w') as f:
            f.write('\n'.join(lines) + '\n')
        bad, _ = bad_lines(console, getattr(self.cfg, 'KNOWN_CONSOLE_WARNINGS', {}))
        return console, hung, lines, bad

    def parse_demo(self):
        console, hung, lines, bad = self.marked('DEMO', 'demo')
        for l in bad[:10]:
            print(f'  {self.target:8} console: {l.strip()}')
        ok = (not hung and 'GUEST-RESULT demo 0' in console and not bad and
              len([l for l in lines if l.startswith('DEMO mode=')]) == 2)
        return 0 if ok else 1

    def parse_bench(self):
        console, hung, lines, bad = self.marked('BENCH', self.name)
        for l in bad[:10]:
            print(f'  {self.target:8} console: {l.strip()}')
        for l in lines:
            if l.startswith('BENCH-ERROR') or l.startswith('BENCH-NOTE'):
                print(f'  {self.target:8} {l}')
        ok = (not hung and 'GUEST-RESULT bench 0' in console and not bad and
              any(l.startswith('BENCH-DONE') for l in lines))
        return 0 if ok else 1

    def parse_soak(self):
        """harness/soak.sh: SOAK-DONE 0 and a clean console (no WARNING,
        BUG or lockdep report over the whole run)."""
        console, hung, lines, hits = self.marked('SOAK', 'soak')
        for l in lines:
            if not l.startswith('SOAK check'):
                print(f'  {self.target:8} {l}')
        for l in hits[:10]:
            print(f'  {self.target:8} console: {l.strip()}')
        ok = not hung and 'SOAK-DONE 0' in lines and not hits
        if hung:
            print(f'  {self.target:8} soak: hung or died (killed after {self.timeout} s)')
        print(f'  {self.target:8} soak {"ok" if ok else "FAILED"}')
        return 0 if ok else 1

    def parse_admin(self):
        """harness/admin.sh's checks: one test case per ADMIN ok/FAIL
        line; the run must end (ADMIN-DONE) with a clean console."""
        console, hung, lines, hits = self.marked('ADMIN', 'admin')
        passed = [l[len('ADMIN ok '):] for l in lines if l.startswith('ADMIN ok ')]
        failed = [l[len('ADMIN FAIL '):] for l in lines if l.startswith('ADMIN FAIL ')]
        if hung or not any(l.startswith('ADMIN-DONE') for l in lines):
            failed.append(f'admin run (hung or died; killed after {self.timeout} s)' if hung
                          else 'admin run (no ADMIN-DONE)')
        with open(os.path.join(self.res, 'admin-console-gate'), 'w') as f:
            f.write('FAILED\n' if hits else 'ok\n')
        for l in lines:
            if not l.startswith('ADMIN ok'):
                print(f'  {self.target:8} {l}')
        print(f'  {self.target:8} admin {len(passed):3} passed {len(failed):3} failed')
        for l in hits[:10]:
            print(f'  {self.target:8} console: {l.strip()}')
        return self.record('admin', 'admin', failed, hits, [len(passed), len(failed)])

    def parse_format(self):
        console, hung, lines, bad = self.marked('FORMAT', self.name)
        for l in bad[:10]:
            print(f'  {self.target:8} console: {l.strip()}')
        for l in lines:
            if l.startswith('FORMAT-FAIL'):
                print(f'  {self.target:8} {l}')
        ok = (not hung and 'GUEST-RESULT format 0' in console and not bad and
              any(l.startswith('FORMAT-DONE') for l in lines))
        return 0 if ok else 1

    def parse(self):
        """Each selftest's TAP, the expected case list, and the console check."""
        if self.mode == 'bench':
            return self.parse_bench()
        if self.mode == 'format':
            return self.parse_format()
        if self.mode == 'admin':
            return self.parse_admin()
        if self.mode == 'soak':
            return self.parse_soak()
        if self.demo:
            return self.parse_demo()
        target, cfg = self.target, self.cfg
        console, hung = self.read_boot()
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
        # or the base's SELFTEST_CASES: one "fixture.variant.test" per line) must have reported, and the TAP
        # plan must announce exactly that many: a filter, a crash or a harness
        # change that drops a case fails here.  An XFAIL passes only where the
        # target names it with its defect (GUEST_XFAIL = {'case': 'defect'}).
        cases = read_base(top).get('SELFTEST_CASES', 'configs/selftest-cases')
        expected = [l.strip() for l in open(os.path.join(top, cases))
                    if l.strip() and not l.startswith('#')]
        plans = [int(m.group(1)) for m in re.finditer(r'^1\.\.(\d+)\s*$', console, re.M)]
        seen = set(passed) | {n.split(' ')[0] for n in failed} | {n.split(' ')[0] for n in xfail}
        if plans != [len(expected)]:
            failed.append(f'tap-plan (announced {plans}, expected [{len(expected)}])')
        for n in expected:
            if n not in seen:
                failed.append(f'{n} (MISSING)')
        for n in sorted(seen - set(expected)):
            failed.append(f'{n} (not in {cases})')
        allowed_xfail = getattr(cfg, 'GUEST_XFAIL', {})
        for n in list(xfail):
            if n.split(' ')[0] not in allowed_xfail:
                xfail.remove(n)
                failed.append(n.split(' ')[0] + ' (XFAIL not allowed for this target)')
        for t in self.tests:
            if not re.search(rf'GUEST-RESULT {t} 0\b', console):
                failed.append(f'{t} (exit status)')
        if hung or 'GUEST-DONE' not in console:
            failed.append(f'guest (hung or died; killed after {self.timeout} s)' if hung
                          else 'guest (no GUEST-DONE)')
        hits, known = bad_lines(console, getattr(cfg, 'KNOWN_CONSOLE_WARNINGS', {}))
        for l in known:
            print(f'  {target:8} console, excused: {l}')
        with open(os.path.join(self.res, 'guest-console-gate'), 'w') as f:
            f.write('FAILED\n' if hits else 'ok\n')       # a gate, not a test case
        for l in console.splitlines():
            if '# ' in l and ('MemFree' in l or 'capacity' in l or 'cycles' in l):
                print('  ' + target + ' ' + l.strip())
        print(f'  {target:8} selftests {len(passed):3} passed {len(failed):3} failed '
              f'{len(xfail):3} xfail')
        for n in xfail:
            print(f'  {target:8} XFAIL {n}')
        for n in failed:
            print(f'  {target:8} FAILED {n}')
        for l in hits[:10]:
            print(f'  {target:8} console: {l.strip()}')
        # What failed and why, for the run's closing summary (check.sh):
        # the harness's own lines of each failed case (its TH_LOGs and the
        # assertion), the last few before its verdict, and namespaces the
        # setup could not create.
        why, case = [], []
        for l in console.splitlines():
            l = l.strip()
            if l.startswith('#  RUN '):
                case = []
            elif l.startswith('# ') and not l.startswith('#  '):
                case.append(re.sub(r'^# \S*/', '# ', l))
            m = re.match(r'^(not ok \d+ (\S+)|ok \d+ (\S+) # SKIP.*)', l)
            if m:
                why += [f'{m.group(2) or m.group(1)}:'] + ['  ' + c for c in case[-4:]]
            if re.match(r'^# region\S*: \S+ of \d+ MiB: ', l) and not l.endswith('created'):
                why.append(l)
        # A case that never reported: the console's last lines before the
        # selftest's exit (or the end), where a kill or a crash shows.
        if any('MISSING' in n or 'exit status' in n or n.startswith('guest') for n in failed):
            lines = [l.rstrip() for l in console.splitlines()]
            end = next((i for i, l in enumerate(lines) if l.startswith('GUEST-RESULT')), len(lines))
            why += [f'console before {"the exit" if end < len(lines) else "the end"}:'] + \
                ['  ' + l for l in lines[max(0, end - 8):end + 1]]
        return self.record('guest', 'selftest', failed, hits,
                           [len(passed), len(failed), len(xfail)], why)

    def record(self, stem, kind, failed, hits, counts, why=()):
        """What summarize.py reads: STEM-failures (each failed case as
        'KIND name', then why, then the first console hits) and
        STEM-counts (the counts on one line).  1 if anything failed."""
        with open(os.path.join(self.res, f'{stem}-failures'), 'w') as f:
            for n in failed:
                f.write(f'{kind} {n}\n')
            for l in why[:40]:
                f.write(f'  {l}\n')
            for l in hits[:5]:
                f.write(f'console: {l.strip()}\n')
        with open(os.path.join(self.res, f'{stem}-counts'), 'w') as f:
            f.write(' '.join(str(c) for c in counts) + '\n')
        return 1 if failed or hits else 0


def main(argv):
    modes = ('--demo', '--bench', '--format', '--admin', '--soak')
    args = [a for a in argv[1:] if a not in modes]
    step = args.pop(0) if args and args[0] in ('boot', 'parse') else 'all'
    if len(args) != 1:
        print(__doc__.split('\n\n')[1], file=sys.stderr)
        return 2
    mode = next((a[2:] for a in argv[1:] if a in modes), None)
    g = Guest(args[0], mode)
    if step in ('boot', 'all'):
        g.boot()
    if step in ('parse', 'all'):
        return g.parse()
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
