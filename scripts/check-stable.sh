#!/bin/bash
# make check-stable: the 6.12 stable backport (stable/6.12/ on Debian's
# linux-source-6.12) on every target, as make check runs the mainline
# series: checkpatch, a build, the KUnit suite and the selftests per
# target.  Not in CI (the builds do not fit CI's time with mainline's).
exec env CHECK_BASES="6.12" CHECK_STABLE_TARGETS=all "$(dirname "$0")/check.sh"
