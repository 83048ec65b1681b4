#!/bin/sh
# make soak (issue 16), inside the guest: SOAK_CYCLES cycles (default 1000)
# on the largest namespace of node 1 (A), each of
#   pfn device, memmap on the device ("pmem"): bind, check, unbind
#   pfn device, memmap in DRAM ("ram"):        bind, check, unbind
#   dax kmem with memmap_on_memory:            add, online, offline, remove
# while, at the same time and until the cycles end,
#   a namespace on node 0 (B) is bound and unbound as a pfn device,
#   the boot memory blocks are offlined and onlined again where they can be,
#   readers walk /proc/vmstat, /proc/zoneinfo and /proc/kpageflags.
# Every SOAK_CHECK cycles (default 50) the background pauses and the
# memmap counters and free memory are read against the start: the largest
# drift of each is reported, and at the end every counter must be back
# exactly and free memory within SOAK_BOUND_KB (default: 2 pages per cycle,
# at least 4 MiB).  Lines "SOAK ..."; the console check (WARNING, BUG,
# lockdep) is scripts/guest.py's.  Harness only.
. /bin/guest-lib.sh	# page_kb, memfree, ms, settle
CYCLES=${SOAK_CYCLES:-1000}
CHECK=${SOAK_CHECK:-50}
ND=/sys/bus/nd/devices
DAXD=/sys/bus/dax/drivers
MEM=/sys/devices/system/memory
ps=$((page_kb * 1024))
SP=64
fails=0
fail() { echo "SOAK FAIL $*"; fails=$((fails + 1)); }
vm() { awk -v k="$1" '$1 == k { print $2 }' /proc/vmstat; }
lo() { echo $(($1 / ps * SP / ps - 2)); }
hi() { echo $((($1 / ps * SP + ps - 1) / ps + 2)); }
uuid() { cat /proc/sys/kernel/random/uuid; }

# the largest region on node N, its namespace (created where label-based)
region_on() {
	for r in $(cd $ND && ls -d region* 2>/dev/null); do
		[ "$(cat $ND/$r/numa_node)" = "$1" ] && echo "$(cat $ND/$r/size) $r"
	done | sort -n | tail -1 | cut -d' ' -f2
}
namespace_of() {
	n=$(cat $ND/$1/namespace_seed)
	if [ "$(cat $ND/$n/size)" = 0 ]; then
		uuid > $ND/$n/uuid
		cat $ND/$1/available_size > $ND/$n/size || return 1
	fi
	[ -e $ND/$n/driver ] && echo $n > $ND/$n/driver/unbind
	echo $n
}
claim() {	# KIND MODE REGION NS: the bound device's name
	d=$(cat $ND/$3/${1}_seed)
	echo $2 > $ND/$d/mode && uuid > $ND/$d/uuid && echo $4 > $ND/$d/namespace || return 1
	if [ $1 = pfn ]; then echo $d > /sys/bus/nd/drivers/nd_pmem/bind || return 1
	else echo $d > /sys/bus/nd/drivers/dax_pmem/bind || return 1; fi
	echo $d
}
release() {	# DEV
	[ -e $ND/$1/driver ] && echo $1 > $ND/$1/driver/unbind
	echo > $ND/$1/namespace
}

rA=$(region_on 1) rB=$(region_on 0)
[ -n "$rA" ] && [ -n "$rB" ] || { echo "SOAK FAIL setup: regions on node 1 ($rA) and 0 ($rB)"; echo "SOAK-DONE 1"; exit 1; }
nA=$(namespace_of $rA) && nB=$(namespace_of $rB) || { echo "SOAK FAIL setup: namespaces"; echo "SOAK-DONE 1"; exit 1; }
sizeA=$(cat $ND/$nA/size)
echo "SOAK A $nA ($rA, node 1, $sizeA B)  B $nB ($rB, node 0, $(cat $ND/$nB/size) B)  $CYCLES cycles"
# every memory block there is before the cycles; the background offlines
# and onlines again those of node 1's RAM
boot_blocks=$(cd $MEM && ls -d memory* | sed 's/memory//' | sort -n | tr '\n' ' ')
node1_blocks=$(cd /sys/devices/system/node/node1 && ls -d memory* | sed 's/memory//' | sort -n | tr '\n' ' ')

rm -f /tmp/stop /tmp/pause /tmp/paused.*
bg_b() {	# B: bind and unbind as a pfn device
	n=0
	while [ ! -f /tmp/stop ]; do
		if [ -f /tmp/pause ]; then touch /tmp/paused.b; sleep 0.2; continue; fi
		rm -f /tmp/paused.b
		d=$(claim pfn pmem $rB $nB) && release $d && n=$((n + 1))
		echo $n > /tmp/count.b
	done
	touch /tmp/paused.b
}
bg_blocks() {	# offline and online again what can be
	n=0 m=0
	while [ ! -f /tmp/stop ]; do
		for b in $node1_blocks; do
			[ -f /tmp/stop ] && break
			while [ -f /tmp/pause ] && [ ! -f /tmp/stop ]; do touch /tmp/paused.m; sleep 0.2; done
			rm -f /tmp/paused.m
			f=$MEM/memory$b/state
			[ "$(cat $f 2>/dev/null)" = online ] || continue
			if echo offline > $f 2>/dev/null; then
				n=$((n + 1))
				echo online > $f || { echo "SOAK FAIL block $b did not come back online"; }
			else
				m=$((m + 1))
			fi
			echo "$n $m" > /tmp/count.m
		done
	done
	touch /tmp/paused.m
}
bg_read() {	# walk the counters and every page's flags
	n=0
	while [ ! -f /tmp/stop ]; do
		while [ -f /tmp/pause ] && [ ! -f /tmp/stop ]; do touch /tmp/paused.r; sleep 0.2; done
		rm -f /tmp/paused.r
		cat /proc/vmstat /proc/zoneinfo > /dev/null
		dd if=/proc/kpageflags of=/dev/null bs=65536 2>/dev/null
		n=$((n + 1)); echo $n > /tmp/count.r
	done
	touch /tmp/paused.r
}
pause() {
	touch /tmp/pause
	while [ ! -f /tmp/paused.b ] || [ ! -f /tmp/paused.m ] || [ ! -f /tmp/paused.r ]; do sleep 0.2; done
}
resume() { rm -f /tmp/pause /tmp/paused.*; }

echo 1 > /proc/sys/vm/stat_refresh
settle
D0=$(vm nr_memmap_pages) V0=$(vm nr_memmap_self_hosted_pages) F0=$(memfree)
maxd=0 maxv=0 maxf=0
checkpoint() {	# CYCLE: the counters and free memory against the start
	pause
	settle
	dd_=$(($(vm nr_memmap_pages) - D0)) dv_=$(($(vm nr_memmap_self_hosted_pages) - V0))
	df_=$((F0 - $(memfree)))
	[ ${dd_#-} -gt $maxd ] && maxd=${dd_#-}
	[ ${dv_#-} -gt $maxv ] && maxv=${dv_#-}
	[ $df_ -gt $maxf ] && maxf=$df_
	echo "SOAK check cycle $1: DRAM memmap $dd_, device memmap $dv_ pages, MemFree -$df_ kB, $(($(ms) - t0)) ms, B binds $(cat /tmp/count.b 2>/dev/null), blocks offlined/busy $(cat /tmp/count.m 2>/dev/null), reader passes $(cat /tmp/count.r 2>/dev/null)"
	resume
}
bg_b & pb=$!
bg_blocks & pm=$!
bg_read & pr=$!
t0=$(ms)
i=0
while [ $i -lt $CYCLES ] && [ $fails = 0 ]; do
	i=$((i + 1))
	for mode in pmem ram; do
		d=$(claim pfn $mode $rA $nA) || { fail "cycle $i: pfn $mode bind"; break; }
		blk=$(ls $ND/$d/block 2>/dev/null)
		[ -n "$blk" ] && [ "$(cat /sys/block/$blk/size)" -gt 0 ] || fail "cycle $i: pfn $mode: no block device"
		release $d
	done
	[ $fails = 0 ] || break
	# dax kmem, memmap_on_memory, the blocks online (movable) and off again
	x=$(claim dax ram $rA $nA) || { fail "cycle $i: dax bind"; break; }
	dev=$(cd $ND/$x && ls -d dax*.* 2>/dev/null | head -1)
	[ -n "$dev" ] || { fail "cycle $i: no dax device under $x"; break; }
	echo $dev > $DAXD/device_dax/unbind
	echo 1 > /sys/bus/dax/devices/$dev/memmap_on_memory || fail "cycle $i: memmap_on_memory refused"
	nb0=$(ls -d $MEM/memory* | wc -l)
	echo $dev > $DAXD/kmem/new_id 2>/dev/null || echo $dev > $DAXD/kmem/bind || { fail "cycle $i: kmem bind"; break; }
	new=$(cd $MEM && ls -d memory* | sed 's/memory//' | sort -n | while read -r b; do
		case " $boot_blocks " in *" $b "*) ;; *) echo $b ;; esac; done)
	[ -n "$new" ] || fail "cycle $i: kmem added no block"
	for b in $new; do echo online_movable > $MEM/memory$b/state || fail "cycle $i: online block $b"; done
	for b in $new; do echo offline > $MEM/memory$b/state || fail "cycle $i: offline block $b"; done
	echo $dev > $DAXD/kmem/unbind || fail "cycle $i: kmem unbind"
	echo $dev > $DAXD/kmem/remove_id
	[ "$(ls -d $MEM/memory* | wc -l)" = "$nb0" ] || fail "cycle $i: blocks left after kmem unbind"
	release $x
	[ $((i % CHECK)) = 0 ] && checkpoint $i
done
t1=$(ms)
touch /tmp/stop
wait $pb $pm $pr
rm -f /tmp/pause
[ $((i % CHECK)) = 0 ] || checkpoint $i
touch /tmp/stop
bound=${SOAK_BOUND_KB:-$((2 * i * page_kb))}
[ $bound -lt 4096 ] && bound=4096
settle
D1=$(vm nr_memmap_pages) V1=$(vm nr_memmap_self_hosted_pages) F1=$(memfree)
[ "$D1" = "$D0" ] || fail "end: nr_memmap_pages $((D1 - D0)) from the start"
[ "$V1" = "$V0" ] || fail "end: nr_memmap_self_hosted_pages $((V1 - V0)) from the start"
[ $((F0 - F1)) -lt $bound ] || fail "end: MemFree $((F0 - F1)) kB below the start (bound $bound kB)"
echo "SOAK-RESULT cycles=$i ms=$((t1 - t0)) ms_per_cycle=$(( (t1 - t0) / (i > 0 ? i : 1) )) namespace_bytes=$sizeA b_binds=$(cat /tmp/count.b) blocks_offlined_busy=$(cat /tmp/count.m 2>/dev/null | tr ' ' /) reader_passes=$(cat /tmp/count.r) max_drift_dram_pages=$maxd max_drift_device_pages=$maxv max_memfree_drop_kb=$maxf end_memfree_drop_kb=$((F0 - F1)) bound_kb=$bound"
echo "SOAK-DONE $fails"
[ $fails = 0 ]
