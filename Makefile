# vmem_altmap series: the harness.  See README.md.
ARCH ?= x86_64
TARGETS := $(sort $(basename $(notdir $(wildcard configs/targets/*.py))))

# The kernel's own make must not see our ARCH (a target name, not a kernel
# ARCH): the scripts unset MAKEFLAGS and pass the right ARCH themselves.
unexport ARCH

.PHONY: help deps tree export build kunit selftest checkpatch bisect check run clean clean-tree

help:
	@echo "make run            main job on ARCH=$(ARCH) (targets: $(TARGETS))"
	@echo "make check          everything CI checks, all targets"
	@echo "make tree | export  prepare build/linux | write patches/ from it"
	@echo "make build|kunit|selftest|bisect ARCH=T   one target"
	@echo "make checkpatch"

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

check:
	@scripts/check.sh

run: tree
	@scripts/run.sh $(ARCH)

clean:
	rm -rf build/out build/results build/guest

clean-tree:
	rm -rf build/linux build/bisect-src
