#!/bin/sh
# make run, inside the guest: set the emulated NVDIMM's namespace up as a
# pfn (fsdax) device once with its memmap in DRAM ("ram") and once on the
# device ("pmem"), through sysfs the way ndctl does, and print one DEMO
# line per mode for scripts/run.sh to tabulate.  Harness only.
ND=/sys/bus/nd/devices
# the largest region: the 4 GiB NVDIMM
region=$(cd $ND && for r in region*; do echo "$(cat $r/size) $r"; done 2>/dev/null |
	sort -n | tail -1 | cut -d' ' -f2)
[ -n "$region" ] || { echo "DEMO-ERROR no nd region"; exit 1; }
ns=$(cat $ND/$region/namespace_seed)
if [ "$(cat $ND/$ns/size)" = 0 ]; then	# label-based: create it
	cat /proc/sys/kernel/random/uuid > $ND/$ns/uuid
	cat $ND/$region/available_size > $ND/$ns/size || { echo "DEMO-ERROR size"; exit 1; }
fi
size=$(cat $ND/$ns/size)
[ -e $ND/$ns/driver ] && echo $ns > $ND/$ns/driver/unbind
pfn=$(cat $ND/$region/pfn_seed)
. /bin/guest-lib.sh	# page_kb, memfree, ms
for mode in ram pmem; do
	[ -e $ND/$pfn/driver ] && echo $pfn > /sys/bus/nd/drivers/nd_pmem/unbind
	echo $mode > $ND/$pfn/mode
	cat /proc/sys/kernel/random/uuid > $ND/$pfn/uuid
	echo $ns > $ND/$pfn/namespace
	sleep 1
	f0=$(memfree); t0=$(ms)
	if ! echo $pfn > /sys/bus/nd/drivers/nd_pmem/bind; then
		echo "DEMO-ERROR bind $mode"; continue
	fi
	t1=$(ms); f1=$(memfree)
	blk=$(ls $ND/$pfn/block)
	usable=$(( $(cat /sys/block/$blk/size) * 512 ))
	echo "DEMO mode=$mode size=$size usable=$usable dram_kb=$((f0 - f1)) ms=$((t1 - t0)) page_kb=$page_kb"
done
echo $pfn > /sys/bus/nd/drivers/nd_pmem/unbind
