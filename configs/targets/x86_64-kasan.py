# x86_64 with generic KASAN (issue 16): the x86_64 target's kernel plus
# KASAN_GENERIC, KASAN_INLINE, as Debian and Fedora build their debug
# kernels, for the KUnit suite and the selftests (make check-kasan; not in
# make check: a KASAN kernel's cold build and its guests under TCG do not
# fit CI's time next to the others).  Its own build directory.
# KASAN parks freed slab objects in its quarantine (up to 1/32 of RAM)
# before they go back: free memory read between cycles falls until the
# quarantine is full, which the selftests' leak checks must not take for a
# leak: they shrink every slab cache first, which empties it
# (shrink_slab_caches() in memmap_on_device.h).  The KUnit suite's "takes
# no DRAM" cases count slab growth apart (dram_taken()).
import dataclasses
import os
exec(open(os.path.join(os.path.dirname(__file__), 'x86_64.py')).read())

QEMU_ARCH = dataclasses.replace(QEMU_ARCH, kconfig=QEMU_ARCH.kconfig + '''
CONFIG_KASAN=y
CONFIG_KASAN_GENERIC=y
CONFIG_KASAN_INLINE=y''')
ONLY_IN = 'check-kasan'
# KASAN checks every access: the guests run about twice as long
GUEST_TIMEOUT = 1500
