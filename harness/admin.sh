#!/bin/sh
# make check's administrator run (issue 16), inside the guest: Debian's
# ndctl and daxctl (scripts/fetch-admin.sh) do what an administrator does
# with the largest NVDIMM region, and each step is checked with the
# counters the selftests read:
#   fsdax --map=dev      the memmap on the device (nr_memmap_self_hosted_pages)
#   fsdax --map=mem      the memmap in DRAM (nr_memmap_pages)
#   devdax --map=dev     at 2M and at 1G where the kernel offers 1G (else the
#                        refusal is asserted, with nothing changed)
#   daxctl system-ram    dax kmem with memmap_on_memory: the memmap at the
#                        start of each hot-added memory block, the blocks on
#                        the NVDIMM's node (1), then back to devdax
#   destroy-namespace    every counter back to where it started
# One line "ADMIN ok NAME" or "ADMIN FAIL NAME: why" per check;
# scripts/guest.py --admin counts them.  Harness only.
. /bin/guest-lib.sh	# page_kb, memfree, settle
LD_LIBRARY_PATH=$(ls -d /lib/*-linux-gnu* /usr/lib/*-linux-gnu* 2>/dev/null | tr '\n' :)
export LD_LIBRARY_PATH PATH=/usr/bin:/usr/sbin:$PATH
ND=/sys/bus/nd/devices
MEM=/sys/devices/system/memory
ps=$((page_kb * 1024))
SP=64	# sizeof(struct page) on every target with a guest here (MEMCG)
nok=0 nfail=0
ok() { echo "ADMIN ok $1"; nok=$((nok + 1)); }
fail() { echo "ADMIN FAIL $1: $2"; nfail=$((nfail + 1)); }
vm() { awk -v k="$1" '$1 == k { print $2 }' /proc/vmstat; }
snap() { dram=$(vm nr_memmap_pages); dev=$(vm nr_memmap_self_hosted_pages); }
# the vmemmap pages of $1 bytes, give or take the shared page at each end
lo() { echo $(($1 / ps * SP / ps - 2)); }
hi() { echo $((($1 / ps * SP + ps - 1) / ps + 2)); }
# placed NAME DEV-LO DEV-HI DRAM-LO DRAM-HI: the change since BD/BV
placed() {
	snap
	dd=$((dram - BD)) dv=$((dev - BV))
	if [ "$dv" -ge "$2" ] && [ "$dv" -le "$3" ] && [ "$dd" -ge "$4" ] && [ "$dd" -le "$5" ]; then
		ok "$1 (device $dv, DRAM $dd vmemmap pages)"
	else
		fail "$1" "device $dv (want $2-$3), DRAM $dd (want $4-$5) vmemmap pages"
	fi
}
json() { sed -n "s/.*\"$1\":\"*\([^\",}]*\).*/\1/p" | head -1; }

region=$(cd $ND && for r in region*; do echo "$(cat $r/size) $r"; done 2>/dev/null |
	sort -n | tail -1 | cut -d' ' -f2)
[ -n "$region" ] || { echo "ADMIN FAIL setup: no nd region"; echo "ADMIN-DONE 0 1"; exit 1; }
rsize=$(cat $ND/$region/size)
echo "ADMIN region $region size $rsize node $(cat $ND/$region/numa_node) $(ndctl --version)"
[ "$(cat $ND/$region/numa_node)" = 1 ] && ok "region on node 1" ||
	fail "region on node 1" "numa_node $(cat $ND/$region/numa_node)"
# a label-less region has one namespace of the region's size that ndctl
# reconfigures (-e); a label-based one gets a namespace from its labels
labelless=$(cat $ND/$(cat $ND/$region/namespace_seed)/size)
[ "$labelless" = 0 ] && labelless=
if [ -z "$labelless" ] && ! ndctl list -N -r $region 2>/dev/null | grep -q dev; then
	ndctl disable-region $region >/dev/null 2>&1
	ndctl init-labels -f all >/dev/null 2>&1
	ndctl enable-region $region >/dev/null 2>&1
fi
ns=
create() {	# ndctl create-namespace ARGS: sets ns, out
	if [ -n "$labelless" ]; then
		ns=$(cd $ND && for n in $region/namespace*; do
			[ "$(cat $n/size)" != 0 ] && basename $n; done 2>/dev/null | head -1)
		out=$(ndctl create-namespace -f -e "$ns" "$@" 2>&1)
	else
		out=$(ndctl create-namespace -r $region "$@" 2>&1)
	fi
	rc=$?
	ns=$(echo "$out" | json dev)
	return $rc
}
destroy() {
	ndctl destroy-namespace -f "$ns" >/dev/null 2>&1 || { [ -n "$labelless" ] &&
		ndctl create-namespace -f -e "$ns" -m raw >/dev/null 2>&1; }
}
mi() { awk -v k="$1:" '$1 == k { print $2 }' /proc/meminfo; }
# DRAM a memmap could take: free memory (with the per-cpu lists) plus slab
# and the per-cpu allocator, which a memmap never comes from (with 64 KiB
# pages a settle moves slab by a MiB either way).  The median of five
# readings 0.3 s apart after a settle: one reading moves by up to 3 MiB
# with 64 KiB pages (ppc64: per-cpu lists of 20-35 MiB), the median by
# some 0.5 MiB.
dramfree() {
	settle
	for k in 1 2 3 4 5; do
		echo $(($(memfree) + $(mi SReclaimable) + $(mi SUnreclaim) + $(mi Percpu)))
		sleep 0.3
	done | sort -n | sed -n 3p
}
F0=$(dramfree)
snap; D0=$dram V0=$dev BD=$dram BV=$dev
step() {	# NAME ON-DEVICE CREATE-ARGS...
	name=$1 ondev=$2; shift 2
	if ! create "$@"; then
		fail "$name create" "$(echo "$out" | tail -3 | tr '\n' ' ')"
		return 1
	fi
	bytes=$(cat $ND/$ns/size)
	if [ "$ondev" = 1 ]; then
		placed "$name memmap on the device" "$(lo $bytes)" "$(hi $bytes)" 0 2
	else
		placed "$name memmap in DRAM" 0 0 "$(lo $bytes)" "$(hi $bytes)"
	fi
}
gone() {	# NAME: destroy, then every counter as at the start
	destroy
	snap
	[ "$dram" = "$D0" ] && [ "$dev" = "$V0" ] &&
		ok "$1 destroyed, counters back" ||
		fail "$1 destroyed, counters back" "DRAM $((dram - D0)), device $((dev - V0)) vmemmap pages left"
}

if step "fsdax map=dev" 1 -m fsdax --map=dev; then
	b=$(echo "$out" | json blockdev)
	[ -b /dev/$b ] && ok "fsdax map=dev /dev/$b" || fail "fsdax map=dev block device" "none: $out"
	gone "fsdax map=dev"
fi
step "fsdax map=mem" 0 -m fsdax --map=mem && gone "fsdax map=mem"
for a in 2M 1G; do
	case $a in 2M) al=$((2 << 20)) ;; 1G) al=$((1 << 30)) ;; esac
	offered=$(cat $ND/$(cat $ND/$region/dax_seed)/supported_alignments 2>/dev/null)
	case " $offered " in
	*" $al "*) ;;
	*)	# the kernel offers no such alignment: ndctl must fail, and change nothing
		if create -m devdax --map=dev --align=$a; then
			fail "devdax align=$a refused" "created $ns though $a is not in '$offered'"
			destroy
		else
			snap
			[ "$dram" = "$D0" ] && [ "$dev" = "$V0" ] &&
				ok "devdax align=$a refused (offered: $offered), nothing changed" ||
				fail "devdax align=$a refused" "counters moved: DRAM $((dram - D0)), device $((dev - V0))"
		fi
		continue ;;
	esac
	step "devdax align=$a map=dev" 1 -m devdax --map=dev --align=$a || continue
	dax=$(echo "$out" | json chardev)
	[ -c /dev/$dax ] && [ "$(cat /sys/bus/dax/devices/$dax/align)" = $al ] &&
		ok "devdax align=$a /dev/$dax" ||
		fail "devdax align=$a char device" "$dax align $(cat /sys/bus/dax/devices/$dax/align 2>&1)"
	if [ $a = 2M ]; then
		# dax kmem, memmap_on_memory: daxctl 76.1 has no option for it,
		# so the administrator sets the device's attribute first
		snap; D1=$dram V1=$dev BD=$dram BV=$dev
		nb0=$(ls -d $MEM/memory* | wc -l)
		echo 1 > /sys/bus/dax/devices/$dax/memmap_on_memory ||
			fail "system-ram memmap_on_memory" "attribute refused"
		if r=$(daxctl reconfigure-device --mode=system-ram $dax 2>&1); then
			bs=$((0x$(cat $MEM/block_size_bytes)))
			nb=$(($(ls -d $MEM/memory* | wc -l) - nb0))
			onl=$(cat $MEM/memory*/state | grep -c online)
			n1=$(ls -d /sys/devices/system/node/node1/memory* | wc -l)
			# device_dax gave its memmap (the namespace's altmap) back;
			# what the device holds now is kmem's, one per block
			BD=$D0 BV=$V0
			placed "system-ram: $nb blocks of $bs B, device_dax's memmap given back, kmem's at each block's start" \
				"$(lo $((nb * bs)))" "$(hi $((nb * bs)))" 0 0
			[ "$nb" -gt 0 ] && [ "$n1" -ge "$nb" ] &&
				ok "system-ram: the $nb blocks on node 1 ($n1 there), $onl online" ||
				fail "system-ram on node 1" "$nb blocks added, $n1 on node 1"
			echo "ADMIN $(echo "$r" | tr -d ' \n' | cut -c1-200)"
			if daxctl reconfigure-device --mode=devdax --force $dax > /dev/null 2>&1; then
				snap
				[ "$dram" = "$D1" ] && [ "$dev" = "$V1" ] &&
				[ "$(ls -d $MEM/memory* | wc -l)" = "$nb0" ] &&
					ok "back to devdax: blocks removed, counters back" ||
					fail "back to devdax" "DRAM $((dram - D1)), device $((dev - V1)) vmemmap pages, $(($(ls -d $MEM/memory* | wc -l) - nb0)) blocks left"
			else
				fail "back to devdax" "daxctl refused"
			fi
		else
			fail "daxctl reconfigure-device --mode=system-ram" "$(echo "$r" | tail -3 | tr '\n' ' ')"
		fi
		BD=$D0 BV=$V0
	fi
	gone "devdax align=$a"
done
# Nothing the size of a memmap stays behind in DRAM: the bound is half the
# region's memmap (64 MiB for 4 GiB with 4 KiB pages, 4 MiB with 64 KiB
# pages), at most 4 MiB.  Up to three readings a second apart: the first
# under the bound counts.
bound=$((rsize / ps * SP / 1024 / 2))
[ $bound -gt 4096 ] && bound=4096
for try in 1 2 3; do
	left=$((F0 - $(dramfree)))
	echo "ADMIN DRAM besides slab and per-cpu: $left kB lower than before the first namespace (reading $try)"
	[ $left -lt $bound ] && break
	sleep 1
done
[ $left -lt $bound ] &&
	ok "DRAM besides slab and per-cpu $left kB lower than before the first namespace (bound $bound kB)" ||
	fail "DRAM back" "$left kB lower than before the first namespace besides slab and per-cpu (bound $bound kB); $(grep -E '^(MemFree|Slab|Percpu|KernelStack|PageTables|VmallocUsed|Cached|Shmem):' /proc/meminfo | tr -s ' \n' ' ')"
echo "ADMIN-DONE $nok $nfail"
[ "$nfail" = 0 ]
