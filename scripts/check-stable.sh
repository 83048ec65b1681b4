#!/bin/bash
# make check-stable: the 6.12 stable backport (stable/6.12/ on Debian's
# linux-source-6.12) on every target, as make check runs the mainline
# series: checkpatch, a build, the KUnit suite and the selftests per
# target.  Not in CI: its builds do not fit CI's time next to mainline's.
exec "$(dirname "$0")/check.sh" --stable
