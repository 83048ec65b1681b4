# kunit.py qemu_config for ppc64le pseries with the radix MMU (POWER9, 64 KiB
# pages).  The guest has 4 GiB and boots with mem=1G; lib/test_vmem_altmap.c
# gets [3 GiB, 4 GiB): radix maps the boot memmap with 2 MiB PMDs, and one
# such PMD holds the struct pages of 2 GiB (64-byte struct page), so
# a range right after the boot memory would find its memmap already mapped
# in DRAM.  The memmap of a 1 GiB memory block (16 pages) is not pageblock
# aligned, so memmap_on_memory needs "force".
from ..qemu_config import QemuArchParams

CROSS_COMPILE = 'powerpc64le-linux-gnu-'

QEMU_ARCH = QemuArchParams(linux_arch='powerpc',
			   kconfig='''
CONFIG_PPC64=y
CONFIG_CPU_LITTLE_ENDIAN=y
CONFIG_PPC_PSERIES=y
CONFIG_PPC_RADIX_MMU=y
CONFIG_PPC_64K_PAGES=y
CONFIG_HVC_CONSOLE=y
CONFIG_ALTIVEC=y
CONFIG_VSX=y
CONFIG_PAPR_SCM=y
CONFIG_CGROUPS=y
CONFIG_MEMCG=y
# CONFIG_PERF_EVENTS is not set''',
			   qemu_arch='ppc64',
			   kernel_path='vmlinux',
			   kernel_command_line='console=hvc0 mem=1G '
				'memory_hotplug.memmap_on_memory=force '
				'test_vmem_altmap.start=0xc0000000 '
				'test_vmem_altmap.size=0x40000000',
			   extra_qemu_params=['-M', 'pseries', '-cpu', 'power9',
					      '-m', '4G', '-smp', '2'])

# MEMCG as in Debian's ppc64el kernel: without it struct page is 56 bytes,
# the memmap of a 256 MiB memory block is 3.5 pages and memmap_on_memory is
# refused (mhp_supports_memmap_on_memory(): vmemmap pages would be shared
# between blocks).  x86_64 and arm64 have a 64-byte struct page without it.

# QEMU 7.2 under TCG cannot run the POWER10 pmem flush forms; see the patch.
EMULATOR_PATCHES = 'harness/qemu-7.2-ppc64-pmem-flush.patch'

# The guest selftests (scripts/guest.py): the same kernel, papr_scm over a
# 4 GiB and a 2 GiB NVDIMM with a 128 KiB label area each (pseries wants a
# uuid and a size that, less the label area, is a multiple of 256 MiB;
# guest.py adds both).  The regions are label-based: the selftest cuts the
# 4 GiB one into the edge sizes and the rest, and gives the 2 GiB one, which
# QEMU places on a 1 GiB boundary (0x180000000), one namespace: the only
# one that starts on 1 GiB with 1 GiB of data after a memmap on the device,
# for dedup.largest.
GUEST_BUSYBOX = '@TOP@/build/busybox/ppc64el/bin/busybox'
GUEST_APPEND = ('console=hvc0 kunit.enable=0 panic=-1 '
		'memory_hotplug.memmap_on_memory=force')
# The 6.12 backport's selftest has no dedup cases and its label set-up
# cuts every region into the edge sizes, so BASE=6.12 keeps the one 4 GiB
# NVDIMM it was proven with (a second one failed three of its cases).
import os
if os.environ.get('BASE', 'mainline') == 'mainline':
	GUEST_NVDIMMS = ('4G', '2G')
	_MAXMEM = '10G'
else:
	GUEST_NVDIMMS = ('4G',)
	_MAXMEM = '8G'
GUEST_NVDIMM_LABEL = '128K'
GUEST_MACHINE = ['-M', 'pseries,nvdimm=on', '-cpu', 'power9',
		 '-m', '2G,slots=2,maxmem=' + _MAXMEM, '-smp', '2']
GUEST_TIMEOUT = 600

# Upstream 7.3-rc7 on pseries with PROVE_LOCKING warns once at boot, before
# any memory hot-plug: DEBUG_LOCKS_WARN_ON(lockdep_hardirq_context()) from
# lockdep_hardirqs_on_prepare < trace_hardirqs_on < irqentry_exit <
# timer_interrupt < __replay_soft_interrupts (kmem_cache_init_late).  It is
# not the series' (it fires in start_kernel, before any code the series
# changes runs), and it turns lockdep
# off for the rest of the boot, so on this target the tests run without
# lockdep.  Excused once per boot by scripts/consolecheck.py; any other
# line still fails the console gate.
KNOWN_CONSOLE_WARNINGS = {
	r'WARNING: (\S+/)?kernel/locking/lockdep\.c:\d+ at lockdep_hardirqs_on_prepare\+':
		'7.3-rc7 powerpc: lockdep hardirq state in irqentry_exit on a replayed timer interrupt',
}
