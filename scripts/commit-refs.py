#!/usr/bin/env python3
"""Check a patch's Fixes: tags against configs/upstream-commits.

usage: commit-refs.py PATCH

build/linux has no upstream history, so checkpatch cannot look the hashes
up (UNKNOWN_COMMIT_ID); this does it against the list of upstream commits
the series names, hash and exact subject.  Prints one line per tag that
is not there; nothing when all are.
"""
import os
import re
import sys

top = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))
known = {}
for line in open(os.path.join(top, 'configs', 'upstream-commits')):
    if line.strip() and not line.startswith('#'):
        sha, subject = line.rstrip('\n').split(' ', 1)
        known[sha] = subject
body = open(sys.argv[1]).read().split('\n---\n', 1)[0]
for m in re.finditer(r'^Fixes: ([0-9a-f]{12,40}) \("(.*)"\)$', body, re.M):
    sha, subject = m.group(1)[:12], m.group(2)
    if known.get(sha) != subject:
        print(f'UNKNOWN_COMMIT_ID: Fixes: {sha} ("{subject}") is not in '
              'configs/upstream-commits')
