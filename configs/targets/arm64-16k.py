# kunit.py qemu_config for arm64 with 16 KiB pages (virt).  A memory
# section is 128 MiB and a PMD maps 32 MiB; the memmap is always mapped
# with base pages: one 16 KiB vmemmap page holds the struct pages of 4 MiB,
# shared by the sub-section ranges in that window (audit F4/F5).  RAM
# starts at 1 GiB; mem=1G leaves [2 GiB, 3 GiB) as real RAM outside System
# RAM for lib/test_vmem_altmap.c.  memmap_on_memory is refused by design:
# a 128 MiB block's memmap (512 KiB) is not PMD aligned.
import dataclasses
import os
exec(open(os.path.join(os.path.dirname(__file__), 'arm64.py')).read())

QEMU_ARCH = dataclasses.replace(QEMU_ARCH, kconfig=QEMU_ARCH.kconfig.replace(
	'CONFIG_ARM64_4K_PAGES=y', 'CONFIG_ARM64_16K_PAGES=y\nCONFIG_ARM64_VA_BITS_48=y'))
MOM_REFUSED = True
# make check-all runs this target; make check (CI) does not: a cold 7.3
# kernel takes about 25 minutes to build on CI's 2 cores, and CI's 80
# minutes hold three (x86_64, arm64, ppc64) with their guests.
CHECK_ALL_ONLY = 'cold build time'

# The guest selftests: as arm64 (UEFI, ACPI NFIT, label-less NVDIMMs placed
# back to back by QEMU: 4 GiB, 130, 130, 514 and 60 MiB).  With 16 KiB
# pages the namespaces that do not start or end on 4 MiB share a vmemmap
# page with their neighbour.
