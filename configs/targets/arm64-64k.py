# kunit.py qemu_config for arm64 with 64 KiB pages (virt).  A memory
# section is 512 MiB and a PMD maps 512 MiB, so the memmap is always
# mapped with base pages: one 64 KiB vmemmap page holds the struct pages of
# 64 MiB, shared by every sub-section range in that window (audit F4/F5).
# RAM starts at 1 GiB; mem=1G leaves [2 GiB, 3 GiB), two sections, as real
# RAM outside System RAM for lib/test_vmem_altmap.c.  memmap_on_memory is
# refused by design: a 512 MiB block's memmap (512 KiB) is not PMD aligned.
import dataclasses
import os
exec(open(os.path.join(os.path.dirname(__file__), 'arm64.py')).read())

QEMU_ARCH = dataclasses.replace(QEMU_ARCH, kconfig=QEMU_ARCH.kconfig.replace(
	'CONFIG_ARM64_4K_PAGES=y', 'CONFIG_ARM64_64K_PAGES=y\nCONFIG_ARM64_VA_BITS_48=y'))
MOM_REFUSED = True
# make check-all runs this target; make check (CI) does not: a cold 7.3
# kernel takes about 25 minutes to build on CI's 2 cores, and CI's 80
# minutes hold three (x86_64, arm64, ppc64) with their guests.
CHECK_ALL_ONLY = 'cold build time'

# The guest selftests: as arm64 (UEFI, ACPI NFIT, label-less NVDIMMs placed
# back to back by QEMU: 4 GiB, 130, 130, 514 and 60 MiB).  With 64 KiB pages the
# 130, 130, 514 and 60 MiB namespaces share vmemmap pages, and the 60 MiB
# one's memmap chunk in its section, [262 KiB, 322 KiB), starts inside one
# vmemmap page and ends inside the next.
