#!/usr/bin/env python3
"""The one reader of configs/targets/T.py and configs/bases/B.

usage: target.py TARGET KEY      print one setting (empty if unset)
       target.py --list          every target, one per line
       target.py --list-check    the targets make check (CI) runs
       target.py --list-only M   the targets only make M runs (ONLY_IN)

A target file is a kunit.py qemu_config (QEMU_ARCH) plus the harness's
settings.  A variant target loads the target it derives from and states
only what differs (see x86_64-nopse.py); this reader executes it the way
kunit.py does, with a stand-in for kunit.py's QemuArchParams, so the shell
scripts, guest.py and summarize.py all see the same values.

Settings (all optional but QEMU_ARCH):
  CROSS_COMPILE     compiler prefix
  BUILD_FROM        boot that target's kernel instead of building one
  EMULATOR_PATCHES  harness/*.patch applied to a copy of the tree for the build
  MOM_REFUSED       the kernel refuses memmap_on_memory by design: the mom_*
                    KUnit cases must skip (EXPECTED_SKIPS), after asserting it
  EXPECTED_SKIPS    {case: reason}: other KUnit cases that must skip there
  GUEST_*           the selftest guest (scripts/guest.py); GUEST_NVDIMMS is
                    the list of emulated NVDIMM sizes, laid out by guest.py
  KNOWN_CONSOLE_WARNINGS  upstream warnings excused once per boot
  CHECK_ALL_ONLY    run by make check-all, not by make check (CI): why
  ONLY_IN           run by that make target alone (e.g. check-kasan), by
                    neither make check nor check-all nor check-stable
"""
import dataclasses
import os
import re
import sys
import types
import typing

TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))

# The KUnit cases that need memmap_on_memory: each asserts that
# mhp_supports_memmap_on_memory() is false before it skips where the kernel
# refuses it by design (MOM_REFUSED), and mom_support_matches_design checks
# the DRAM fallback there.
MOM_CASES = ('mom_hotadd_puts_memmap_at_block_start',
             'mom_block_altmap_sized_for_memmap',
             'mom_hotadd_takes_no_dram_for_memmap',
             'mom_online_offline_remove',
             'mom_remove_leaves_nothing')


@dataclasses.dataclass(frozen=True)
class QemuArchParams:
    """Stand-in for kunit.py's dataclass of the same name
    (tools/testing/kunit/qemu_config.py): a variant derives with
    dataclasses.replace(), which works on both."""
    linux_arch: str
    kconfig: str
    qemu_arch: str
    kernel_path: str
    kernel_command_line: str
    extra_qemu_params: typing.List[str]
    serial: str = 'stdio'


def _qemu_config_module():
    # "from ..qemu_config import QemuArchParams" in a target file resolves
    # to this stand-in: the file runs as a module of a package whose parent
    # holds qemu_config, as under kunit.py.
    for name, attrs in (('kunitcfg', {}), ('kunitcfg.qemu_configs', {}),
                        ('kunitcfg.qemu_config', {'QemuArchParams': QemuArchParams})):
        if name not in sys.modules:
            m = types.ModuleType(name)
            m.__path__ = []
            m.__dict__.update(attrs)
            sys.modules[name] = m


def load_target(top, target):
    """configs/targets/TARGET.py as a module, with derived settings filled in."""
    _qemu_config_module()
    path = os.path.join(top, 'configs', 'targets', target + '.py')
    if not os.path.exists(path):
        raise SystemExit(f"no target '{target}' (configs/targets/*.py)")
    mod = types.ModuleType('kunitcfg.qemu_configs.' + target.replace('-', '_'))
    mod.__file__ = path
    mod.__package__ = 'kunitcfg.qemu_configs'
    exec(compile(open(path).read(), path, 'exec'), mod.__dict__)
    if not hasattr(mod, 'QEMU_ARCH'):
        raise SystemExit(f'{path}: no QEMU_ARCH')
    mod.NAME = target
    skips = dict(getattr(mod, 'EXPECTED_SKIPS', {}))
    if getattr(mod, 'MOM_REFUSED', False):
        skips.update({c: 'memmap_on_memory refused by design' for c in MOM_CASES})
    mod.EXPECTED_SKIPS = skips
    return mod


def read_base(top, name=None):
    """configs/bases/NAME (default $BASE or mainline): KEY=value lines."""
    name = name or os.environ.get('BASE', 'mainline')
    kv = {}
    for line in open(os.path.join(top, 'configs', 'bases', name)):
        m = re.match(r'^([A-Z_]+)=(.*)$', line.strip())
        if m:
            kv[m.group(1)] = m.group(2).strip('"')
    scratch = os.environ.get('HARNESS_SCRATCH')     # as scripts/base.sh
    if scratch:
        kv.update(TREE=scratch + '/linux', OUT=scratch + '/out', RESULTS=scratch + '/results')
    return kv


def all_targets(top):
    return sorted(f[:-3] for f in os.listdir(os.path.join(top, 'configs', 'targets'))
                  if f.endswith('.py') and not f.startswith('_'))


def targets(top, only=None):
    """The targets of make check-all (only=None) or of make ONLY."""
    return [t for t in all_targets(top)
            if getattr(load_target(top, t), 'ONLY_IN', None) == only]


def main(argv):
    if argv[1:] == ['--list']:
        print('\n'.join(targets(TOP)))
        return 0
    if len(argv) == 3 and argv[1] == '--list-only':
        print('\n'.join(targets(TOP, argv[2])))
        return 0
    if argv[1:] == ['--list-check']:     # what make check (CI) runs
        print('\n'.join(t for t in targets(TOP)
                        if not getattr(load_target(TOP, t), 'CHECK_ALL_ONLY', False)))
        return 0
    if len(argv) != 3:
        print(__doc__.split('\n\n')[1], file=sys.stderr)
        return 2
    cfg = load_target(TOP, argv[1])
    key = argv[2]
    if key == 'linux_arch':
        val = cfg.QEMU_ARCH.linux_arch
    elif key == 'KERNEL':          # the target whose kernel this one boots
        val = getattr(cfg, 'BUILD_FROM', argv[1])
    elif key == 'HAS_GUEST':
        val = 'yes' if hasattr(cfg, 'GUEST_APPEND') else ''
    else:
        val = getattr(cfg, key, '')
    print(val if isinstance(val, str) else ' '.join(map(str, val)) if isinstance(val, (list, tuple)) else val)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
