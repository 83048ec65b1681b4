# x86_64 without PSE: the x86_64 kernel (BUILD_FROM) booted with
# clearcpuid=pse, so the kernel maps neither the linear map nor the vmemmap
# with 2 MiB pages (audit F7/F8).  The memmap of every range is base pages;
# with an altmap they come from it.  (A CPU model without PSE does not
# boot: x86_64 requires PSE unless CONFIG_PARAVIRT_XXL, i.e. Xen PV, which
# is where !PSE happens in practice.  clearcpuid taints the kernel, "CPU
# out of spec", and changes nothing else.)  Everything else is x86_64's.
import dataclasses
import os
exec(open(os.path.join(os.path.dirname(__file__), 'x86_64.py')).read())

BUILD_FROM = 'x86_64'
QEMU_ARCH = dataclasses.replace(
	QEMU_ARCH, kernel_command_line=QEMU_ARCH.kernel_command_line + ' clearcpuid=pse')
GUEST_APPEND += ' clearcpuid=pse'
# Base pages only: every bind maps 4 KiB at a time under TCG.
GUEST_TIMEOUT = 900
