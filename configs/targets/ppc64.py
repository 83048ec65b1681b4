# kunit.py qemu_config for ppc64le pseries with the radix MMU (POWER9, 64 KiB
# pages).  mem=1G leaves [1 GiB, 2 GiB) as real RAM outside System RAM for
# lib/test_vmem_altmap.c.  With 64 KiB pages the memmap of a 256 MiB memory
# block is 4 pages, less than a pageblock, so memmap_on_memory needs "force".
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
				'test_vmem_altmap.start=0x40000000 '
				'test_vmem_altmap.size=0x40000000',
			   extra_qemu_params=['-M', 'pseries', '-cpu', 'power9',
					      '-m', '2G', '-smp', '2'])
