# kunit.py qemu_config for ppc64le pseries with the radix MMU (POWER9, 64 KiB
# pages).  The guest has 4 GiB and boots with mem=1G; lib/test_vmem_altmap.c
# gets [3 GiB, 4 GiB): radix maps the boot memmap with 2 MiB PMDs, and one
# such PMD holds the struct pages of about 2.3 GiB (56-byte struct page), so
# a range right after the boot memory would find its memmap already mapped
# in DRAM.  The memmap of a 1 GiB memory block (14 pages) is not pageblock
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
CONFIG_HVC_CONSOLE=y''',
			   qemu_arch='ppc64',
			   kernel_path='vmlinux',
			   kernel_command_line='console=hvc0 mem=1G '
				'memory_hotplug.memmap_on_memory=force '
				'test_vmem_altmap.start=0xc0000000 '
				'test_vmem_altmap.size=0x40000000',
			   extra_qemu_params=['-M', 'pseries', '-cpu', 'power9',
					      '-m', '4G', '-smp', '2'])
