#!/bin/bash
# make run ARCH=T: the main job on one target.  For now: build the target's
# kernel if needed, boot it and run lib/test_vmem_altmap.c, then print the
# per-suite result.  (The pmem demonstration table comes with the guest
# selftests.)
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
unset MAKEFLAGS MAKELEVEL MFLAGS ARCH
t=${1:-x86_64}
"$top/scripts/kunit.sh" all "$t"
