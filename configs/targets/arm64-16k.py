# kunit.py qemu_config for arm64 with 16 KiB pages (virt).  A memory
# section is 128 MiB and a PMD maps 32 MiB; the memmap is always mapped
# with base pages: one 16 KiB vmemmap page holds the struct pages of 4 MiB,
# shared by the sub-section ranges in that window (audit F4/F5).  RAM
# starts at 1 GiB; mem=1G leaves [2 GiB, 3 GiB) as real RAM outside System
# RAM for lib/test_vmem_altmap.c.  memmap_on_memory is refused by design:
# a 128 MiB block's memmap (512 KiB) is not PMD aligned.
from ..qemu_config import QemuArchParams

CROSS_COMPILE = 'aarch64-linux-gnu-'

QEMU_ARCH = QemuArchParams(linux_arch='arm64',
			   kconfig='''
CONFIG_ARM64_16K_PAGES=y
CONFIG_ARM64_VA_BITS_48=y
CONFIG_SERIAL_AMBA_PL011=y
CONFIG_SERIAL_AMBA_PL011_CONSOLE=y
CONFIG_EFI=y
CONFIG_ACPI=y
CONFIG_PCI=y
CONFIG_ARM64_PMEM=y
CONFIG_ACPI_NFIT=y''',
			   qemu_arch='aarch64',
			   kernel_path='arch/arm64/boot/Image.gz',
			   kernel_command_line='console=ttyAMA0 mem=1G '
				'memory_hotplug.memmap_on_memory=1 '
				'test_vmem_altmap.start=0x80000000 '
				'test_vmem_altmap.size=0x40000000',
			   extra_qemu_params=['-machine', 'virt', '-cpu', 'max,pauth-impdef=on',
					      '-m', '2G', '-smp', '2'])

# The guest selftests: as arm64 (UEFI, ACPI NFIT, label-less NVDIMMs placed
# back to back by QEMU: 4 GiB, 130, 130, 514 and 60 MiB).  With 16 KiB
# pages the namespaces that do not start or end on 4 MiB share a vmemmap
# page with their neighbour.
GUEST_KERNEL = 'arch/arm64/boot/Image'
GUEST_BUSYBOX = '@TOP@/build/busybox/arm64/bin/busybox'
GUEST_APPEND = ('console=ttyAMA0 acpi=force kunit.enable=0 panic=-1 '
		'memory_hotplug.memmap_on_memory=1')
GUEST_SIZES = ('4G', '130M', '130M', '514M', '60M')
GUEST_FILES = [('@WORK@/pmem%d.img' % i, int(s[:-1]) << (30 if s[-1] == 'G' else 20))
	       for i, s in enumerate(GUEST_SIZES)]
GUEST_QEMU = ['-machine', 'virt,nvdimm=on', '-cpu', 'max,pauth-impdef=on',
	      '-m', '6G,slots=5,maxmem=16G', '-smp', '2',
	      '-bios', '/usr/share/qemu-efi-aarch64/QEMU_EFI.fd',
	      ] + [a for i, size in enumerate(GUEST_SIZES) for a in (
	      '-object', f'memory-backend-file,id=mem{i},share=on,mem-path=@WORK@/pmem{i}.img,size={size}',
	      '-device', f'nvdimm,id=nv{i},memdev=mem{i}')]
GUEST_TIMEOUT = 600

# KUnit cases the kernel refuses by design on this target: each asserts
# that mhp_supports_memmap_on_memory() is false before it skips, and
# mom_support_matches_design checks the DRAM fallback.  Counted as skipped.
EXPECTED_SKIPS = {
	'mom_hotadd_puts_memmap_at_block_start': 'memmap_on_memory refused',
	'mom_block_altmap_sized_for_memmap': 'memmap_on_memory refused',
	'mom_hotadd_takes_no_dram_for_memmap': 'memmap_on_memory refused',
	'mom_online_offline_remove': 'memmap_on_memory refused',
	'mom_remove_leaves_nothing': 'memmap_on_memory refused',
}
