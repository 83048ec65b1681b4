# Sourced by the harness's guest scripts (demo, bench, admin, soak)
# (guest.py copies it to /bin): what they read from the kernel and how they settle it.
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

# settle: what the kernel frees lazily is freed before MemFree is read:
# the page cache and dentries (drop_caches), the slab caches' empty slabs
# and, under KASAN, their quarantine (shrink; the links are merged caches)
settle() {
	sync
	echo 3 > /proc/sys/vm/drop_caches
	for c in /sys/kernel/slab/*; do
		[ -L "$c" ] || echo 1 > "$c/shrink" 2>/dev/null
	done
}
