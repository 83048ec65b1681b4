// SPDX-License-Identifier: GPL-2.0
/*
 * daxpattern: write or check a pattern through a device-dax mapping.
 * Test-only (make check-format, harness/format.sh), not part of the series:
 * /dev/daxX.Y has no read() or write(), only mmap(), which busybox cannot do.
 *
 * usage: daxpattern write|check DEV SIZE
 *
 * The pattern covers the first and the last PATTERN_CHUNK bytes of the
 * device (the ends are where a layout that moved the data would show
 * first); each 64-bit word is a function of its offset in the device.
 * Prints "FORMAT pattern=written|ok|bad words=N bad=M" and exits 0 only
 * when every word checked is what was written.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define PATTERN_CHUNK	(32ULL << 20)

static uint64_t word_at(unsigned long long off)
{
	return (off * 0x9e3779b97f4a7c15ULL) ^ 0x6461787061747465ULL;
}

int main(int argc, char **argv)
{
	unsigned long long size, offs[2], i, words = 0, bad = 0;
	int write_it, fd, k;
	uint64_t *p;

	if (argc != 4 || (strcmp(argv[1], "write") && strcmp(argv[1], "check"))) {
		fprintf(stderr, "usage: daxpattern write|check DEV SIZE\n");
		return 2;
	}
	write_it = !strcmp(argv[1], "write");
	size = strtoull(argv[3], NULL, 0);
	if (size < 2 * PATTERN_CHUNK) {
		fprintf(stderr, "daxpattern: %llu bytes is too small\n", size);
		return 2;
	}
	fd = open(argv[2], O_RDWR);
	if (fd < 0) {
		perror(argv[2]);
		return 1;
	}
	offs[0] = 0;
	offs[1] = size - PATTERN_CHUNK;
	for (k = 0; k < 2; k++) {
		p = mmap(NULL, PATTERN_CHUNK, PROT_READ | PROT_WRITE, MAP_SHARED,
			 fd, offs[k]);
		if (p == MAP_FAILED) {
			perror("mmap");
			return 1;
		}
		for (i = 0; i < PATTERN_CHUNK / 8; i++, words++) {
			uint64_t want = word_at(offs[k] + i * 8);

			if (write_it)
				p[i] = want;
			else if (p[i] != want)
				bad++;
		}
		/*
		 * No msync(): device-dax has no ->fsync (msync() says EINVAL),
		 * its stores go to the device itself; the backing file has them
		 * once QEMU exits (the next boot and the host's sha256 read it).
		 */
		munmap(p, PATTERN_CHUNK);
	}
	close(fd);
	printf("FORMAT pattern=%s words=%llu bad=%llu\n",
	       write_it ? "written" : bad ? "bad" : "ok", words, bad);
	return bad ? 1 : 0;
}
