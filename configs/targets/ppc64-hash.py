# ppc64le pseries with the hash MMU: the ppc64 kernel (BUILD_FROM), booted
# with disable_radix.  Hash maps the vmemmap with one page size for the
# whole kernel (64 KiB here: QEMU's pseries offers no 16 MiB pages by
# default), takes an altmap block only where it does not cross the
# altmap's end, and falls back to DRAM otherwise.  memmap_on_memory is
# refused by design on hash (arch_supports_memmap_on_memory() wants radix).
# Everything else is ppc64's.
import dataclasses
import os
exec(open(os.path.join(os.path.dirname(__file__), 'ppc64.py')).read())

BUILD_FROM = 'ppc64'
QEMU_ARCH = dataclasses.replace(
	QEMU_ARCH, kernel_command_line=QEMU_ARCH.kernel_command_line + ' disable_radix')
GUEST_APPEND += ' disable_radix'
MOM_REFUSED = True
# The hash MMU bolts the linear map into the hash table, where no page
# table holds it: the KUnit cases that check the linear map read the hash
# table through the hypervisor (H_READ), as ptdump's hashpagetable does.
GUEST_TIMEOUT = 900
