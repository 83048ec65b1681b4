# kunit.py qemu_config for arm64 with 4 KiB pages (virt).  RAM starts at
# 1 GiB; mem=1G leaves [2 GiB, 3 GiB) as real RAM outside System RAM for
# lib/test_vmem_altmap.c.
from ..qemu_config import QemuArchParams

CROSS_COMPILE = 'aarch64-linux-gnu-'

QEMU_ARCH = QemuArchParams(linux_arch='arm64',
			   kconfig='''
CONFIG_ARM64_4K_PAGES=y
CONFIG_SERIAL_AMBA_PL011=y
CONFIG_SERIAL_AMBA_PL011_CONSOLE=y''',
			   qemu_arch='aarch64',
			   kernel_path='arch/arm64/boot/Image.gz',
			   kernel_command_line='console=ttyAMA0 mem=1G '
				'memory_hotplug.memmap_on_memory=1 '
				'test_vmem_altmap.start=0x80000000 '
				'test_vmem_altmap.size=0x40000000',
			   extra_qemu_params=['-machine', 'virt', '-cpu', 'max,pauth-impdef=on',
					      '-m', '2G', '-smp', '2'])
