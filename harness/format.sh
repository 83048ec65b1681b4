#!/bin/sh
# make check-format, inside the guest (harness only, not part of the series).
# One NVDIMM, kept across the boots of scripts/check-format.sh; the phase
# comes from FORMAT_PHASE:
#   write   (the series) claim the namespace as a devdax device in pmem mode
#           at 2 MiB with memmap_dedup (info block minor 5), bind it, and
#           write a pattern through /dev/daxX.Y
#   old     (a kernel before the series: 7.3 as Debian ships it, 6.12) the
#           namespace must be refused: "struct page size mismatch 0", no
#           dax device, no raw /dev/pmem, also when nd_pmem is asked again
#   verify  (the series again) the namespace comes back by itself, with the
#           same capacity and its memmap on the device, and the pattern is
#           intact
# Prints FORMAT lines for the host, FORMAT-FAIL for each check that fails.
ND=/sys/bus/nd/devices
phase=${FORMAT_PHASE:?}
rc=0
fail() { echo "FORMAT-FAIL $phase: $*"; rc=1; }
vm() { awk -v k="$1" '$1 == k { print $2; f = 1 } END { if (!f) print 0 }' /proc/vmstat; }
region=$(cd $ND && for r in region*; do echo "$(cat $r/size) $r"; done 2>/dev/null |
	sort -n | tail -1 | cut -d' ' -f2)
[ -n "$region" ] || { echo "FORMAT-FAIL $phase: no nd region"; exit 1; }
ns=$(cd $ND && ls -d namespace${region#region}.* | head -1)
echo "FORMAT phase=$phase kernel=$(uname -r) region=$region ns=$ns start=$(cat $ND/$ns/resource) size=$(cat $ND/$ns/size)"
# the dax device of the claim, once it is there
daxdev() {
	for i in 1 2 3 4 5 6 7 8 9 10; do
		d=$(ls /sys/bus/dax/devices 2>/dev/null | head -1)
		[ -n "$d" ] && [ -e /sys/bus/dax/devices/$d/driver ] && { echo "$d"; return; }
		sleep 1
	done
}
case $phase in
write)
	[ -e $ND/$ns/driver ] && echo "$ns" > $ND/$ns/driver/unbind
	dax=$(cat $ND/$region/dax_seed)
	[ -e $ND/$dax/memmap_dedup ] || { fail "$dax has no memmap_dedup"; exit 1; }
	echo pmem > $ND/$dax/mode
	echo 2097152 > $ND/$dax/align
	cat /proc/sys/kernel/random/uuid > $ND/$dax/uuid
	echo 1 > $ND/$dax/memmap_dedup
	echo "$ns" > $ND/$dax/namespace
	d0=$(vm nr_memmap_self_hosted_pages) m0=$(vm nr_memmap_pages)
	echo "$dax" > /sys/bus/nd/drivers/dax_pmem/bind || { fail "bind $dax"; exit 1; }
	dev=$(daxdev)
	[ -n "$dev" ] || { fail "no bound dax device"; exit 1; }
	echo "FORMAT dax=$dev dax_size=$(cat /sys/bus/dax/devices/$dev/size)" \
	     "memmap_dev=$(($(vm nr_memmap_self_hosted_pages) - d0))" \
	     "memmap_dram=$(($(vm nr_memmap_pages) - m0))"
	daxpattern write /dev/$dev "$(cat /sys/bus/dax/devices/$dev/size)" || fail "pattern"
	;;
old)
	dmesg | grep 'page size mismatch' | sed 's/^/FORMAT dmesg: /'
	dmesg | grep -q 'init failed, struct page size mismatch 0' ||
		fail "no 'struct page size mismatch 0' in dmesg"
	for again in no yes; do
		[ $again = yes ] && { echo "$ns" > /sys/bus/nd/drivers/nd_pmem/bind; } 2>/dev/null &&
			fail "nd_pmem took $ns when asked"
		[ -e $ND/$ns/driver ] && fail "$ns bound to $(basename "$(readlink $ND/$ns/driver)")"
		for d in /dev/pmem* /dev/dax*; do
			[ -e "$d" ] && fail "$d is there (asked again: $again)"
		done
	done
	echo "FORMAT refused=$([ $rc = 0 ] && echo yes || echo no)"
	;;
verify)
	dev=$(daxdev)
	[ -n "$dev" ] || { fail "the namespace did not come back as a bound dax device"; exit 1; }
	echo "FORMAT dax=$dev dax_size=$(cat /sys/bus/dax/devices/$dev/size)" \
	     "memmap_dev=$(vm nr_memmap_self_hosted_pages)"
	dmesg | grep -q 'mismatch' && fail "$(dmesg | grep mismatch | head -1)"
	daxpattern check /dev/$dev "$(cat /sys/bus/dax/devices/$dev/size)" || fail "pattern"
	;;
*)
	fail "unknown phase"
	;;
esac
echo "FORMAT-DONE $phase rc=$rc"
exit $rc
