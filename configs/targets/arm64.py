# kunit.py qemu_config for arm64 with 4 KiB pages (virt).  RAM starts at
# 1 GiB; mem=1G leaves [2 GiB, 3 GiB) as real RAM outside System RAM for
# lib/test_vmem_altmap.c.
from ..qemu_config import QemuArchParams

CROSS_COMPILE = 'aarch64-linux-gnu-'

QEMU_ARCH = QemuArchParams(linux_arch='arm64',
			   kconfig='''
CONFIG_ARM64_4K_PAGES=y
CONFIG_SERIAL_AMBA_PL011=y
CONFIG_SERIAL_AMBA_PL011_CONSOLE=y
CONFIG_EFI=y
CONFIG_ACPI=y
CONFIG_PCI=y
CONFIG_ARM64_PMEM=y
CONFIG_ACPI_NFIT=y
CONFIG_CGROUPS=y
CONFIG_MEMCG=y
# CONFIG_PERF_EVENTS is not set
# CONFIG_CPU_FREQ is not set''',
			   qemu_arch='aarch64',
			   kernel_path='arch/arm64/boot/Image.gz',
			   kernel_command_line='console=ttyAMA0 mem=1G '
				'memory_hotplug.memmap_on_memory=1 '
				'test_vmem_altmap.start=0x80000000 '
				'test_vmem_altmap.size=0x40000000',
			   extra_qemu_params=['-machine', 'virt', '-cpu', 'max,pauth-impdef=on',
					      '-m', '2G', '-smp', '2'])

# The guest selftests (scripts/guest.py): the same kernel booted through
# UEFI (Debian's qemu-efi-aarch64) with ACPI, because QEMU's arm64 NVDIMM
# is described only by an ACPI NFIT and 7.2 has no virtio-pmem for
# aarch64.  Label-less NVDIMMs as on x86_64: 4 GiB, 130, 130, 514 and
# 60 MiB back to back for the edge-size cases, and 2 GiB for the compound
# cases (with 64K pages: 512 MiB devdax off a 512 MiB boundary).
GUEST_KERNEL = 'arch/arm64/boot/Image'
GUEST_BUSYBOX = '@TOP@/build/busybox/arm64/bin/busybox'
GUEST_APPEND = ('console=ttyAMA0 acpi=force kunit.enable=0 panic=-1 '
		'memory_hotplug.memmap_on_memory=1')
GUEST_NVDIMMS = ('4G', '130M', '130M', '514M', '60M', '2G')
GUEST_MACHINE = ['-machine', 'virt,nvdimm=on', '-cpu', 'max,pauth-impdef=on',
		 '-m', '6G,slots=6,maxmem=16G', '-smp', '2',
		 '-bios', '/usr/share/qemu-efi-aarch64/QEMU_EFI.fd']
GUEST_TIMEOUT = 600
# Under QEMU with Debian's EDK2 the kernel would count EDK2's flash bank as
# RAM outside every NUMA node and fake one node: see the patch.
EMULATOR_PATCHES = 'harness/arm64-edk2-flash-numa.patch'
