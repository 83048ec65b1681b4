# vmem_altmap series: the harness.  See README.md.
ARCH ?= x86_64
# BASE=mainline (patches/ on linux-source-7.3, the default) or BASE=6.12
# (the stable backport in stable/6.12/): configs/bases/.
BASE ?= mainline
export BASE
TARGETS := $(sort $(basename $(notdir $(wildcard configs/targets/*.py))))

# The kernel's own make must not see our ARCH (a target name, not a kernel
# ARCH): the scripts unset MAKEFLAGS and pass the right ARCH themselves.
unexport ARCH

.PHONY: help deps tree export build kunit selftest checkpatch bisect revert-check mutate check check-all check-kasan check-stable check-format run soak bench clean clean-tree

help:
	@echo "make run            main job on ARCH=$(ARCH) (targets: $(TARGETS))"
	@echo "make check          everything CI checks (the targets without CHECK_ALL_ONLY)"
	@echo "make check-all      the same on every target (adds arm64-16k, arm64-64k, ppc64-56)"
	@echo "make check-stable   the 6.12 backport (stable/6.12/) on all targets"
	@echo "make check-kasan    KUnit and selftests on x86_64 and arm64 with generic KASAN"
	@echo "make check-format   a minor-5 (deduplicated memmap) namespace against 7.3 and 6.12"
	@echo "BASE=6.12 make tree|export|build|kunit|selftest|checkpatch|bisect: the backport"
	@echo "make tree | export  prepare build/linux | write patches/ from it"
	@echo "make build|kunit|selftest|bisect ARCH=T   one target"
	@echo "make checkpatch"
	@echo "make revert-check [FIX=NNNN]  each fix reverted: its guarding test must fail"
	@echo "make mutate [MUTATION=name]   each breakage in configs/mutations must be caught"
	@echo "make bench [ARCH=T]           memmap cost per size and mode (default x86_64 arm64 ppc64)"
	@echo "make soak ARCH=T [CYCLES=1000]  bind/kmem cycles under concurrent load (issue 16)"

deps:
	@scripts/deps.sh

tree:
	@scripts/tree.sh

export:
	@scripts/export.sh

build: tree
	@scripts/kunit.sh build $(ARCH)

kunit: tree
	@scripts/kunit.sh all $(ARCH)

selftest: build
	@scripts/guest.py $(ARCH)

checkpatch: tree
	@scripts/checkpatch.sh

bisect: tree
	@scripts/bisect.sh $(ARCH)

revert-check: tree
	@scripts/revert-check.sh

mutate: tree
	@scripts/revert-check.sh --mutate

check:
	@scripts/check.sh

check-all:
	@scripts/check.sh --all

# issue 16: x86_64 and arm64 with generic KASAN (the targets with ONLY_IN)
check-kasan:
	@scripts/check.sh --kasan

check-stable:
	@scripts/check-stable.sh

# issue 13: the minor-5 info block against 7.3 and 6.12 kernels (x86_64)
check-format:
	@scripts/check-format.sh

run: tree
	@scripts/run.sh $(ARCH)

# issue 16: CYCLES (default 1000) cycles under concurrent load, one target
CYCLES ?= 1000
soak: build
	@SOAK_CYCLES=$(CYCLES) scripts/guest.py $(ARCH) --soak

# without ARCH= on the command line: the three architectures
bench: tree
	@scripts/bench.sh $(if $(filter file,$(origin ARCH)),x86_64 arm64 ppc64,$(ARCH))

clean:
	rm -rf build/out build/out-6.12 build/results build/guest build/revert build/bench build/format/out

clean-tree:
	rm -rf build/linux build/linux-6.12 build/linux.pkgver build/linux-6.12.pkgver build/bisect-src
