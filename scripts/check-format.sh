#!/bin/bash
# make check-format: a namespace whose info block reserves only a
# deduplicated memmap (minor 5, PFN_SB_F_VMEMMAP_DEDUP) against kernels that
# do not know that layout.  On x86_64, four boots on one NVDIMM whose
# backing file is kept from boot to boot (harness/format.sh in the guest):
#   1. the series: a 4 GiB devdax namespace in pmem mode at 2 MiB with
#      memmap_dedup, a pattern written through /dev/daxX.Y; then, on the
#      host, the info block read back from the backing file;
#   2. 7.3 as Debian ships it (the series' base, the same config less the
#      KUnit suite, which needs the series) and
#   3. 6.12 with its backport (stable/6.12/, which does not touch the info
#      block): each must refuse the namespace ("struct page size mismatch
#      0"), show no raw /dev/pmem and no dax device, and leave the backing
#      file byte for byte as it was (sha256 on the host);
#   4. the series again: the namespace comes back with the same capacity,
#      its memmap on the device, and the pattern intact.
# The series kernel here is the x86_64 target's with CONFIG_FS_DAX: without
# it S_DAX is 0, and device-dax refuses every mmap() ("vma is not DAX
# capable"), the only way to the bytes of /dev/daxX.Y.
# Not in CI: it needs three more kernels (about 30 min cold on 2 cores).
# Ends with "N passed, N failed" (checks, not boots).
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
unset MAKEFLAGS MAKELEVEL MFLAGS ARCH
t=x86_64
res=build/results/format
img=build/guest/format/pmem0.img
pass=0 failn=0
ok() { echo "check-format: ok      $*"; pass=$((pass + 1)); }
bad() { echo "check-format: FAILED  $*"; failn=$((failn + 1)); }
finish() { echo "$pass passed, $failn failed"; [ "$failn" = 0 ]; exit; }

scripts/deps.sh && scripts/tree.sh && BASE=6.12 scripts/tree.sh || { bad "set-up"; finish; }
scripts/kunit.sh build $t || { bad "build: the series"; finish; }
BASE=6.12 scripts/kunit.sh build $t || { bad "build: 6.12"; finish; }

# One kernel build with the series kernel's .config: TREE OUT LOG, then
# scripts/config options (-d NAME, -e NAME).
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.ccache} CCACHE_BASEDIR=$top
export KBUILD_BUILD_TIMESTAMP='' KBUILD_BUILD_USER=kunit KBUILD_BUILD_HOST=kunit
kbuild() {
	local tree=$1 out=$2 log=$3 t0=$SECONDS
	shift 3
	mkdir -p "$out" "$res"
	cp build/out/$t/.config "$out/.config"
	"$tree/scripts/config" --file "$out/.config" "$@"
	if make -C "$tree" O="$top/$out" ARCH=x86_64 CC="ccache gcc" HOSTCC="ccache gcc" \
		-j"$(nproc)" olddefconfig bzImage > "$res/$log" 2>&1; then
		echo "check-format: built $out in $((SECONDS - t0)) s"
	else
		tail -20 "$res/$log"
		bad "build: $out (log: $res/$log)"
		finish
	fi
}
# 7.3 without the series: a worktree of build/linux at its base commit
# (olddefconfig drops what the series adds), without the KUnit suite.
bt=build/format/linux
if [ "$(git -C "$bt" rev-parse HEAD 2>/dev/null)" != "$(git -C build/linux rev-parse base)" ]; then
	rm -rf "$bt"
	git -C build/linux worktree prune
	git -C build/linux worktree add -q -f --detach "$top/$bt" base || { bad "build: 7.3 worktree"; finish; }
fi
kbuild "$bt" build/format/out build-7.3.log -d TEST_VMEM_ALTMAP
kbuild build/linux build/format/out-series build-series.log -e FS_DAX

boot() {	# PHASE NAME KERNEL_OUT KEEP
	FORMAT_PHASE=$1 FORMAT_NAME=$2 FORMAT_KERNEL_OUT=$top/$3 FORMAT_KEEP=$4 \
		scripts/guest.py $t --format > "$res/format-$2.run" 2>&1
}
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" "$res/format-$1.txt" | head -1; }

# 1. the series writes the namespace and a pattern
if boot write write build/format/out-series ""; then ok "write: minor-5 namespace bound, pattern written"
else bad "write: see $res/format-write.log"; finish; fi
start=$(field write start) size=$(field write size)
python3 - "$img" "$start" "$size" "$(field write dax_size)" "$(field write memmap_dev)" \
	"$(field write memmap_dram)" <<'PY'
import struct, sys
img, start, size, dax_size, mdev, mdram = sys.argv[1], *(int(x, 0) for x in sys.argv[2:])
A, page, reserve = 2 << 20, 4096, 8192
nb = ((start + size) // A * A - start) // A
first = -(-(start + reserve + 2 * nb * page) // A) * A
want = (start + size) // A * A - first
full = size - (-(-(start + reserve + 64 * ((size - reserve) // page)) // A) * A - start) - \
    (start + size - (start + size) // A * A)
with open(img, 'rb') as f:          # label-less NFIT: the namespace starts the file
    f.seek(4096)
    sb = f.read(4096)
sig = sb[:16]
vmaj, vmin = struct.unpack_from('<HH', sb, 52)
flags, = struct.unpack_from('<I', sb, 48)
dataoff, = struct.unpack_from('<Q', sb, 56)
align, = struct.unpack_from('<I', sb, 84)
psz, vpages = struct.unpack_from('<HH', sb, 92)
print(f'check-format: info block {sig!r} v{vmaj}.{vmin} flags {flags:#x} align {align} '
      f'dataoff {dataoff} page_struct_size {psz} vmemmap_pages {vpages}')
print(f'check-format: {size} B namespace at {start:#x}: {dax_size} B of data '
      f'(a full memmap\'s reservation leaves {full}), memmap {mdev} pages on the device, '
      f'{mdram} in DRAM, for {nb} pages of 2 MiB')
ok = (sig == b'NVDIMM_DAX_INFO\0' and (vmaj, vmin) == (1, 5) and flags == 1 and
      psz == 0 and vpages == 2 and align == A and dataoff == first - start and
      dax_size == want and mdev == 2 * nb and mdram == 0)
if not ok:
    print(f'check-format: expected v1.5 flags 0x1 dataoff {first - start}, {want} B, '
          f'{2 * nb} memmap pages on the device and 0 in DRAM')
sys.exit(0 if ok else 1)
PY
if [ $? = 0 ]; then ok "write: info block minor 5, capacity and memmap as the layout says"
else bad "write: info block, capacity or memmap"; fi
sum0=$(sha256sum "$img" | cut -d' ' -f1)

# 2, 3. older kernels refuse it and change nothing
for k in 7.3:build/format/out 6.12:build/out-6.12/$t; do
	name=${k%%:*} out=${k#*:}
	if boot old "old-$name" "$out" 1; then ok "$name: refused ($(grep -m1 'FORMAT dmesg' "$res/format-old-$name.txt" | sed 's/^FORMAT dmesg: //'))"
	else bad "$name: not refused cleanly (see $res/format-old-$name.log)"; fi
	if [ "$(sha256sum "$img" | cut -d' ' -f1)" = "$sum0" ]; then ok "$name: backing file unchanged"
	else bad "$name: the backing file changed"; sum0=$(sha256sum "$img" | cut -d' ' -f1); fi
done

# 4. the series finds it again, as it was
if boot verify verify build/format/out-series 1; then ok "verify: the namespace is back, pattern intact"
else bad "verify: see $res/format-verify.log"; fi
if [ "$(field verify dax_size)" = "$(field write dax_size)" ] &&
   [ "$(field verify memmap_dev)" = "$(field write memmap_dev)" ]; then
	ok "verify: $(field verify dax_size) B of data, $(field verify memmap_dev) memmap pages on the device, as written"
else
	bad "verify: $(field verify dax_size) B and $(field verify memmap_dev) pages, written: $(field write dax_size) B and $(field write memmap_dev) pages"
fi
finish
