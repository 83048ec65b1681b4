# Sourced by harness/demo.sh and harness/bench.sh inside the guest
# (guest.py copies it to /bin): what both read from the kernel.
page_kb=$(awk '/^KernelPageSize/ { print $2; exit }' /proc/self/smaps)
# MemFree plus the per-cpu free lists (freed pages wait there uncounted)
memfree() {
	echo 1 > /proc/sys/vm/stat_refresh
	pcp=$(awk '$1 == "count:" { n += $2 } END { print n + 0 }' /proc/zoneinfo)
	awk -v pcp=$pcp -v kb=$page_kb '/^MemFree:/ { print $2 + pcp * kb }' /proc/meminfo
}
# milliseconds since boot: /proc/timer_list's "now at N nsecs" (the
# monotonic clock, to the nanosecond; /proc/uptime has 10 ms steps, as
# large as a deduplicated bind at 1 GiB)
ms() {
	if [ -r /proc/timer_list ]; then
		awk '/^now at/ { printf "%d\n", $3 / 1000000; exit }' /proc/timer_list
	else
		awk '{ printf "%d\n", $1 * 1000 }' /proc/uptime
	fi
}
