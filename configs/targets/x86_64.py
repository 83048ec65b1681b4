# kunit.py qemu_config for the x86_64 target.  QEMU gives the guest 2 GiB;
# memmap=1G$1G turns [1 GiB, 2 GiB) into e820 "reserved": real RAM that is
# not System RAM, which lib/test_vmem_altmap.c gets as its device range.
# (Not mem=1G: on x86 mem= also caps memory hot-add, max_mem_size.)
# XEN_PV as in Debian's kernel: it makes PSE optional (PARAVIRT_XXL), so
# the x86_64-nopse target can boot this kernel with clearcpuid=pse; the Xen
# drivers it would bring are off (build time), as are devices QEMU's pc
# machine does not have.
from ..qemu_config import QemuArchParams

CROSS_COMPILE = ''

QEMU_ARCH = QemuArchParams(linux_arch='x86_64',
			   kconfig='''
CONFIG_SERIAL_8250=y
CONFIG_SERIAL_8250_CONSOLE=y
CONFIG_ACPI_NFIT=y
CONFIG_PCI=y
CONFIG_X86_64_ACPI_NUMA=y
CONFIG_CGROUPS=y
CONFIG_MEMCG=y
CONFIG_HYPERVISOR_GUEST=y
CONFIG_PARAVIRT=y
CONFIG_XEN=y
CONFIG_XEN_PV=y
# CONFIG_XEN_PVHVM is not set
# CONFIG_XEN_BALLOON is not set
# CONFIG_XEN_PCIDEV_FRONTEND is not set
# CONFIG_XEN_PCIDEV_BACKEND is not set
# CONFIG_XEN_BLKDEV_FRONTEND is not set
# CONFIG_XEN_DEV_EVTCHN is not set
# CONFIG_XENFS is not set
# CONFIG_XEN_SYS_HYPERVISOR is not set
# CONFIG_XEN_GNTDEV is not set
# CONFIG_XEN_GRANT_DEV_ALLOC is not set
# CONFIG_XEN_PRIVCMD is not set
# CONFIG_XEN_ACPI_PROCESSOR is not set
# CONFIG_XEN_BACKEND is not set
# CONFIG_INTEL_MEI is not set
# CONFIG_X86_MCE is not set
# CONFIG_ACPI_AC is not set
# CONFIG_ACPI_BATTERY is not set
# CONFIG_ACPI_BUTTON is not set
# CONFIG_ACPI_FAN is not set
# CONFIG_ACPI_THERMAL is not set
# CONFIG_ACPI_DEBUG is not set
# CONFIG_ACPI_TABLE_UPGRADE is not set''',
			   qemu_arch='x86_64',
			   kernel_path='arch/x86/boot/bzImage',
			   kernel_command_line='console=ttyS0 memmap=1G$0x40000000 '
				'memory_hotplug.memmap_on_memory=1 '
				'test_vmem_altmap.start=0x40000000 '
				'test_vmem_altmap.size=0x40000000',
			   extra_qemu_params=['-bios', 'qboot.rom', '-m', '2G',
					      '-smp', '2'])

# The guest selftests (scripts/guest.py): the same kernel, a 4 GiB emulated
# NVDIMM (ACPI NFIT, nd_pmem, label-less: QEMU leaves the label area
# uninitialised), and NVDIMMs of 130, 130, 514 and 60 MiB back to back for the
# edge-size cases, then one of 2 GiB, which starts 834 MiB past a 1 GiB
# boundary, for the compound cases (1 GiB devdax on a namespace that does not
# start on 1 GiB); each on a fresh sparse file (guest.py lays them out);
# busybox from busybox-static.
GUEST_BUSYBOX = '/bin/busybox'
GUEST_APPEND = ('console=ttyS0 kunit.enable=0 panic=-1 '
		'memory_hotplug.memmap_on_memory=1')
GUEST_NVDIMMS = ('4G', '130M', '130M', '514M', '60M', '2G')
GUEST_MACHINE = ['-machine', 'pc,nvdimm=on', '-m', '6G,slots=6,maxmem=16G', '-smp', '2']
GUEST_TIMEOUT = 600
