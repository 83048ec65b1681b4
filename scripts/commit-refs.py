#!/usr/bin/env python3
"""Check a patch's commit references against configs/upstream-commits.

usage: commit-refs.py PATCH

build/linux has no upstream history, so checkpatch cannot look the hashes
up (UNKNOWN_COMMIT_ID); this does it against the list of upstream commits
the series names, hash and exact subject: every Fixes: tag, and every
'commit <sha> ("<subject>")' in the message (the subject may wrap), which
is what checkpatch's UNKNOWN_COMMIT_ID looks at.  Prints one line per
reference that is not there; nothing when all are.
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
# references in the text: commit <sha> ("<subject>"), the subject may wrap
flat = re.sub(r'\s+', ' ', body)
for m in re.finditer(r'\bcommit ([0-9a-f]{12,40}) \("([^"]*)"\)', flat):
    sha, subject = m.group(1)[:12], m.group(2)
    if known.get(sha) != subject:
        print(f'UNKNOWN_COMMIT_ID: commit {sha} ("{subject}") is not in '
              'configs/upstream-commits')
