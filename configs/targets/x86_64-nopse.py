# x86_64 without PSE: the x86_64 kernel (BUILD_FROM) booted with
# clearcpuid=pse, so the kernel maps neither the linear map nor the vmemmap
# with 2 MiB pages (audit F7/F8).  The memmap of every range is base pages;
# with an altmap they come from it.  (A CPU model without PSE does not
# boot: x86_64 requires PSE unless CONFIG_PARAVIRT_XXL, i.e. Xen PV, which
# is where !PSE happens in practice.  clearcpuid taints the kernel, "CPU
# out of spec", and changes nothing else.)
from ..qemu_config import QemuArchParams

CROSS_COMPILE = ''
BUILD_FROM = 'x86_64'

QEMU_ARCH = QemuArchParams(linux_arch='x86_64',
			   kconfig='''
CONFIG_SERIAL_8250=y
CONFIG_SERIAL_8250_CONSOLE=y
CONFIG_ACPI_NFIT=y
CONFIG_PCI=y''',
			   qemu_arch='x86_64',
			   kernel_path='arch/x86/boot/bzImage',
			   kernel_command_line='console=ttyS0 clearcpuid=pse memmap=1G$0x40000000 '
				'memory_hotplug.memmap_on_memory=1 '
				'test_vmem_altmap.start=0x40000000 '
				'test_vmem_altmap.size=0x40000000',
			   extra_qemu_params=['-bios', 'qboot.rom', '-m', '2G',
					      '-smp', '2'])

# The guest selftests (scripts/guest.py): the same kernel, a 4 GiB emulated
# NVDIMM (ACPI NFIT, nd_pmem, label-less: QEMU leaves the label area
# uninitialised), and NVDIMMs of 130, 130, 514 and 60 MiB back to back for the
# edge-size cases, each on a fresh sparse file;
# busybox from busybox-static.
GUEST_BUSYBOX = '/bin/busybox'
GUEST_APPEND = ('console=ttyS0 clearcpuid=pse kunit.enable=0 panic=-1 '
		'memory_hotplug.memmap_on_memory=1')
GUEST_SIZES = ('4G', '130M', '130M', '514M', '60M')
GUEST_FILES = [('@WORK@/pmem%d.img' % i, int(s[:-1]) << (30 if s[-1] == 'G' else 20))
	       for i, s in enumerate(GUEST_SIZES)]
GUEST_QEMU = ['-machine', 'pc,nvdimm=on', '-m', '6G,slots=5,maxmem=16G', '-smp', '2',
	      ] + [a for i, size in enumerate(GUEST_SIZES) for a in (
	      '-object', f'memory-backend-file,id=mem{i},share=on,mem-path=@WORK@/pmem{i}.img,size={size}',
	      '-device', f'nvdimm,id=nv{i},memdev=mem{i}')]
GUEST_TIMEOUT = 900
