# ppc64le radix (the ppc64 target) without MEMCG: struct page is 56 bytes,
# so a vmemmap page does not hold a whole number of struct pages and the
# memmap of a range rarely ends on a page.  Patch 0003
# (altmap_cross_boundary() for a struct page that does not divide the
# page) and every expected value the suite derives from sizeof(struct
# page) are covered here; the other targets have 64-byte struct pages.
# With 64 KiB pages the memmap of a 256 MiB memory block is 3.5 pages:
# memmap_on_memory is refused by design (mhp_supports_memmap_on_memory()).
import dataclasses
import os
exec(open(os.path.join(os.path.dirname(__file__), 'ppc64.py')).read())

QEMU_ARCH = dataclasses.replace(QEMU_ARCH, kconfig=QEMU_ARCH.kconfig.replace(
	'CONFIG_MEMCG=y', '# CONFIG_MEMCG is not set'))
# make check-all runs this target; make check (CI) does not: it is a
# kernel of its own (about 20 minutes cold on CI's 2 cores).
CHECK_ALL_ONLY = 'cold build time'

# KUnit only.  The selftest decides from the architecture which kernels
# refuse memmap_on_memory by design, and with a 56-byte struct page a
# 256 MiB block's memmap (3.5 pages) is refused where radix would
# otherwise take it; userspace cannot learn sizeof(struct page) to tell.
# The suite's 1 GiB blocks hold 14 whole pages: its mom_* cases run here.
del GUEST_APPEND
