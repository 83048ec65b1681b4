# arm64 (4 KiB pages) with generic KASAN (issue 16): the arm64 target's
# kernel plus KASAN_GENERIC, KASAN_INLINE, for the KUnit suite and the
# selftests (make check-kasan, not make check; see x86_64-kasan.py).  Its
# own build directory.
import dataclasses
import os
exec(open(os.path.join(os.path.dirname(__file__), 'arm64.py')).read())

QEMU_ARCH = dataclasses.replace(QEMU_ARCH, kconfig=QEMU_ARCH.kconfig + '''
CONFIG_KASAN=y
CONFIG_KASAN_GENERIC=y
CONFIG_KASAN_INLINE=y''')
ONLY_IN = 'check-kasan'
GUEST_TIMEOUT = 1500
