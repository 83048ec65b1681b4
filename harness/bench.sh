#!/bin/sh
# make bench, inside the guest: for every NVDIMM region (one namespace each,
# smallest first) set the namespace up, BENCH_RUNS times per mode, as
#   mem       a pfn (fsdax) device with its memmap in DRAM   (ndctl --map=mem)
#   dev       a pfn (fsdax) device with its memmap on it     (ndctl --map=dev)
#   kmem      dax kmem hot-add as System RAM, memmap in DRAM
#   kmem-mom  the same with memmap_on_memory (where the kernel allows it)
# and print one BENCH line per run for scripts/bench.py: sizes in bytes,
# memory in kB, times in ms.  Harness only, like demo.sh.
#   usable     what the user gets: the block device, or MemTotal's growth
#   dram_kb    free memory (MemFree + per-cpu lists) before less after
#   memmap_dram_kb, memmap_dev_kb
#              the kernel's own count of vmemmap pages in DRAM
#              (nr_memmap_pages) and on the memory they describe
#              (nr_memmap_self_hosted_pages), as kB
#   bind_ms    the bind (pfn: memremap_pages() and memmap init; kmem: the
#              hot-add), online_ms the onlining of every block (kmem)
ND=/sys/bus/nd/devices
DAX=/sys/bus/dax
RUNS=${BENCH_RUNS:-3}
# above 16 GiB one run (BENCH_RUNS_LARGE): onlining 64 GiB with its memmap
# on the emulated NVDIMM takes minutes under TCG
LARGE_RUNS=${BENCH_RUNS_LARGE:-1}
runs_for() { [ "$1" -gt $((16 << 30)) ] && echo $LARGE_RUNS || echo $RUNS; }
MODES=" ${BENCH_MODES:-mem dev kmem kmem-mom} "
want() { case "$MODES" in *" $1 "*) return 0 ;; esac; return 1; }
. /bin/guest-lib.sh	# page_kb, memfree, ms
memtotal() { awk '/^MemTotal:/ { print $2 }' /proc/meminfo; }
vm() { awk -v k=$1 '$1 == k { print $2 }' /proc/vmstat; }
fail() { echo "BENCH-ERROR $*"; exit 1; }
blocks() {	# the memory blocks of [$1, $1 + $2), by id
	bs=$(printf %d 0x$(cat /sys/devices/system/memory/block_size_bytes))
	i=$(( $1 / bs )); end=$(( ($1 + $2) / bs ))
	while [ $i -lt $end ]; do
		[ -e /sys/devices/system/memory/memory$i ] && echo $i
		i=$((i + 1))
	done
}
settle() {	# until free memory holds still: what the last unbind freed late
	i=0 f0=$(memfree)
	while [ $i -lt 10 ]; do
		sleep 1; f1=$(memfree); i=$((i + 1))
		[ $((f1 - f0)) -le 16 ] && [ $((f0 - f1)) -le 16 ] && break
		f0=$f1
	done
}
snap() {	# free memory and the two memmap counters, before and after
	eval "$1_free=$(memfree) $1_dram=$(vm nr_memmap_pages) $1_dev=$(vm nr_memmap_self_hosted_pages) $1_total=$(memtotal)"
}
line() {	# mode run usable bind_ms online_ms [probe_us]
	echo "BENCH size=$size mode=$1 run=$2 usable=$3 dram_kb=$((b_free - a_free)) memmap_dram_kb=$(( (a_dram - b_dram) * page_kb )) memmap_dev_kb=$(( (a_dev - b_dev) * page_kb )) bind_ms=$4 online_ms=$5 probe_us=${6:-0} page_kb=$page_kb"
}
# The probe of the device whose driver calls devm_memremap_pages() (the pfn
# device for nd_pmem, the dax device for device_dax), in microseconds, as
# the kernel timed it: initcall_debug (guest.py sets it for make bench)
# logs "probe of DEV with driver DRV returned 0 after N usecs" for every
# probe (6.12 and older: without "with driver DRV").  The
# memmap's cost without what a bind also does around it (sysfs, device
# creation, the shell).
probe_us() {
	dmesg | sed -n "s/.*probe of $1 \(with driver [^ ]* \)\{0,1\}returned 0 after \([0-9]*\) usecs.*/\2/p" |
		tail -n 1
}
# Bind nd device $1 to nd driver $2 RUNS times as mode $3, timing each
# bind; $4 prints the usable bytes while it is bound.
bind_runs() {
	run=0
	while [ $run -lt $(runs_for $size) ]; do
		run=$((run + 1))
		settle
		snap b; t0=$(ms)
		if ! echo $1 > /sys/bus/nd/drivers/$2/bind; then
			# a layout this kernel refuses by design (dedup where a
			# compound page's memmap is under a page): noted, no line
			[ -n "${refusable:-}" ] && [ $run = 1 ] &&
				{ echo "BENCH-NOTE $3: bind refused: $(dmesg | tail -n 2 | tr '\n' ' ')"; return 1; }
			fail "bind $1 $3"
		fi
		t1=$(ms); snap a
		if [ -n "${refusable:-}" ]; then u=$($4 $1 2>/dev/null); else u=$($4 $1); fi
		if [ "$u" = 0 ] && [ -n "${refusable:-}" ] && [ $run = 1 ]; then
			# in place: device_dax refused the pgmap
			echo "BENCH-NOTE $3: device_dax refused: $(dmesg | tail -n 2 | tr '\n' ' ')"
			echo $1 > /sys/bus/nd/drivers/$2/unbind
			return 1
		fi
		case $2 in dax_pmem) pd=$(cd $ND/$1 && ls -d dax*.* | head -1) ;; *) pd=$1 ;; esac
		line $3 $run $u $((t1 - t0)) 0 "$(probe_us $pd)"
		echo $1 > /sys/bus/nd/drivers/$2/unbind
	done
}
pfn_usable() { echo $(( $(cat /sys/block/$(ls $ND/$1/block)/size) * 512 )); }
dax_usable() {	# 0 (bench.py fails it) if device_dax did not take it
	dev=$(cd $ND/$1 && ls -d dax*.* | head -1)
	if [ -e $DAX/devices/$dev/driver ]; then cat $DAX/devices/$dev/size
	else echo "BENCH-ERROR $dev not bound" >&2; echo 0; fi
}

# Each namespace must leave nothing behind for the next: no memmap in
# DRAM or on a device, no memory block above the boot memory.
base_dram=$(vm nr_memmap_pages) base_dev=$(vm nr_memmap_self_hosted_pages)
base_blocks=$(ls -d /sys/devices/system/memory/memory* | wc -l)
leftover() {
	[ "$(vm nr_memmap_pages)" = "$base_dram" ] &&
		[ "$(vm nr_memmap_self_hosted_pages)" = "$base_dev" ] &&
		[ "$(ls -d /sys/devices/system/memory/memory* | wc -l)" = "$base_blocks" ] ||
		fail "left behind after $ns: nr_memmap_pages $base_dram -> $(vm nr_memmap_pages)," \
			"nr_memmap_self_hosted_pages $base_dev -> $(vm nr_memmap_self_hosted_pages)," \
			"memory blocks $base_blocks -> $(ls -d /sys/devices/system/memory/memory* | wc -l)"
}
regions=$(cd $ND && for r in region*; do echo "$(cat $r/size) $r"; done 2>/dev/null |
	sort -n | cut -d' ' -f2)
[ -n "$regions" ] || fail "no nd region"
mom_ok=1
for r in $regions; do
	ns=$(cd $ND/$r && ls -d namespace*.* 2>/dev/null | head -1)
	[ -n "$ns" ] || ns=$(cat $ND/$r/namespace_seed)
	if [ "$(cat $ND/$ns/size)" = 0 ]; then	# label-based: create it
		cat /proc/sys/kernel/random/uuid > $ND/$ns/uuid
		cat $ND/$r/available_size > $ND/$ns/size || fail "size $ns"
	fi
	size=$(cat $ND/$ns/size)
	start=$(cat $ND/$ns/resource)
	[ -e $ND/$ns/driver ] && echo $ns > $ND/$ns/driver/unbind

	# pfn devices: one per mode, bound and unbound RUNS times
	for mode in mem dev; do
		want $mode || continue
		pfn=$(cat $ND/$r/pfn_seed)
		[ $mode = mem ] && echo ram > $ND/$pfn/mode || echo pmem > $ND/$pfn/mode
		[ "$(cat $ND/$pfn/align)" -gt 2097152 ] && echo $((page_kb * 1024)) > $ND/$pfn/align
		cat /proc/sys/kernel/random/uuid > $ND/$pfn/uuid
		echo $ns > $ND/$pfn/namespace
		bind_runs $pfn nd_pmem $mode pfn_usable
		echo > $ND/$pfn/namespace 2>/dev/null
		leftover
	done

	# device-dax in pmem mode at 2 MiB and at 1 GiB, the memmap on the
	# device in full (daxN-dev), deduplicated with the info block's
	# smaller reservation (daxN-dedup: the dax device's memmap_dedup,
	# info block 1.5, more data) or deduplicated inside a full memmap's
	# reservation (daxN-inplace: dax_pmem.memmap_dedup, same capacity as
	# -dev).  Asked for with BENCH_MODES, not in the default set.
	for mode in dax2m-dev dax2m-dedup dax2m-inplace dax1g-dev dax1g-dedup dax1g-inplace; do
		want $mode || continue
		case $mode in dax2m-*) align=2097152 ;; *) align=1073741824 ;; esac
		case $mode in *-inplace) d=1 ;; *) d=0 ;; esac
		echo $d > /sys/module/dax_pmem/parameters/memmap_dedup ||
			fail "$mode: no dax_pmem.memmap_dedup"
		dax=$(cat $ND/$r/dax_seed)
		echo pmem > $ND/$dax/mode
		echo $align > $ND/$dax/align ||
			{ echo "BENCH-NOTE $mode: align $align refused"; continue; }
		case $mode in *-dedup) d=1 ;; *) d=0 ;; esac
		echo $d > $ND/$dax/memmap_dedup ||
			{ echo "BENCH-NOTE $mode: memmap_dedup refused"; continue; }
		cat /proc/sys/kernel/random/uuid > $ND/$dax/uuid
		echo $ns > $ND/$dax/namespace
		# refused by design only where a compound page's memmap (64-byte
		# struct pages) is under one page: powerpc 64K at 2 MiB.  Anywhere
		# else a refused dedup bind fails the bench.
		refusable=
		case $mode in *-dedup|*-inplace)
			[ $((align / (page_kb * 1024) * 64)) -lt $((page_kb * 1024)) ] && refusable=1 ;;
		esac
		bind_runs $dax dax_pmem $mode dax_usable
		refusable=
		echo > $ND/$dax/namespace 2>/dev/null
		echo 0 > $ND/$dax/memmap_dedup
		echo 0 > /sys/module/dax_pmem/parameters/memmap_dedup
		leftover
	done

	# device-dax handed to kmem: memmap in DRAM, then in the blocks
	want kmem || want kmem-mom || continue
	dax=$(cat $ND/$r/dax_seed)
	echo ram > $ND/$dax/mode
	[ "$(cat $ND/$dax/align)" -gt 2097152 ] && echo $((page_kb * 1024)) > $ND/$dax/align
	cat /proc/sys/kernel/random/uuid > $ND/$dax/uuid
	echo $ns > $ND/$dax/namespace
	echo $dax > /sys/bus/nd/drivers/dax_pmem/bind || fail "bind $dax"
	dev=$(cd $ND/$dax && ls -d dax*.* | head -1)
	echo $dev > $DAX/drivers/device_dax/unbind
	echo $dev > $DAX/drivers/kmem/new_id
	echo $dev > $DAX/drivers/kmem/unbind
	for mode in kmem kmem-mom; do
		want $mode || continue
		if [ $mode = kmem-mom ]; then
			echo 1 > $DAX/devices/$dev/memmap_on_memory 2>/dev/null ||
				{ mom_ok=0; echo "BENCH-NOTE memmap_on_memory refused"; continue; }
		fi
		run=0
		while [ $run -lt $(runs_for $size) ]; do
			run=$((run + 1))
			settle
			snap b; t0=$(ms)
			echo $dev > $DAX/drivers/kmem/bind || fail "kmem bind $dev $mode"
			t1=$(ms); snap a
			ids=$(blocks $start $size)
			for i in $ids; do
				echo online_movable > /sys/devices/system/memory/memory$i/state ||
					fail "online memory$i"
			done
			t2=$(ms)
			line $mode $run $(( ($(memtotal) - b_total) * 1024 )) $((t1 - t0)) $((t2 - t1))
			for i in $ids; do
				echo offline > /sys/devices/system/memory/memory$i/state ||
					fail "offline memory$i"
			done
			echo $dev > $DAX/drivers/kmem/unbind || fail "kmem unbind $dev"
		done
	done
	echo 0 > $DAX/devices/$dev/memmap_on_memory 2>/dev/null
	# Let the device go.  kmem keeps the ids that new_id gave it, and
	# the next new_id re-probes every device they name: a device left
	# behind would be hot-added again (memmap in DRAM) and stay there,
	# and a later namespace whose memmap shares its vmemmap PMD (2 GiB
	# of memory per PMD on ppc64 radix) would find its memmap already
	# mapped, in DRAM.
	echo $dev > $DAX/drivers/kmem/remove_id
	[ -e $DAX/devices/$dev/driver ] && echo $dev > $DAX/devices/$dev/driver/unbind
	echo $dax > /sys/bus/nd/drivers/dax_pmem/unbind
	echo > $ND/$dax/namespace 2>/dev/null
	leftover
done
echo "BENCH-DONE mom=$mom_ok"
