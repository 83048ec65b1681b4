#!/usr/bin/env python3
"""configs/mutations: list them, or apply one to a tree.

usage: mutation.py list                 NAME TARGET TEST FILE, one per line
       mutation.py apply NAME TREE      rewrite the one line in TREE
       mutation.py check TREE           every mutation applies to TREE
       mutation.py equivalent NAME      why no test on our targets can catch
                                        it (empty if one must)

A mutation replaces one line of a file: the line whose text, without its
leading blanks, is OLD (exactly one such line, or the AT-th); the new line
keeps the old one's indentation.
"""
import os
import re
import sys

TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))


def mutations():
    out = []
    text = open(os.path.join(TOP, 'configs', 'mutations')).read()
    for block in re.split(r'^\[', text, flags=re.M)[1:]:
        name, rest = block.split(']', 1)
        kv = {'name': name.strip()}
        for line in rest.split('\n'):
            m = re.match(r'^(file|old|new|at|target|test|equivalent)\s+(.*?)\s*$', line)
            if m:
                kv[m.group(1)] = m.group(2)
        out.append(kv)
    return out


def apply(mut, tree):
    path = os.path.join(tree, mut['file'])
    lines = open(path).read().split('\n')
    hits = [i for i, l in enumerate(lines) if l.strip() == mut['old']]
    at = int(mut.get('at', 0))
    if (not at and len(hits) != 1) or (at and len(hits) < at):
        print(f"mutation {mut['name']}: '{mut['old']}' is in {mut['file']} "
              f"{len(hits)} times", file=sys.stderr)
        return False
    i = hits[at - 1 if at else 0]
    indent = lines[i][:len(lines[i]) - len(lines[i].lstrip())]
    lines[i] = indent + mut['new']
    with open(path, 'w') as f:
        f.write('\n'.join(lines))
    return True


def main(argv):
    muts = mutations()
    if argv[1:2] == ['list']:
        for m in muts:
            print(m['name'], m['target'], m['test'], m['file'])
        return 0
    if argv[1:2] == ['equivalent'] and len(argv) == 3:
        sel = [m for m in muts if m['name'] == argv[2]]
        print(sel[0].get('equivalent', '') if sel else '')
        return 0 if sel else 1
    if argv[1:2] == ['apply'] and len(argv) == 4:
        sel = [m for m in muts if m['name'] == argv[2]]
        return 0 if sel and apply(sel[0], argv[3]) else 1
    if argv[1:2] == ['check'] and len(argv) == 3:
        import shutil
        import tempfile
        bad = 0
        for m in muts:
            with tempfile.TemporaryDirectory() as d:
                os.makedirs(os.path.dirname(os.path.join(d, m['file'])), exist_ok=True)
                shutil.copy(os.path.join(argv[2], m['file']), os.path.join(d, m['file']))
                ok = apply(m, d)
                print(f"  {'ok' if ok else 'FAILED':6} {m['name']}")
                bad += not ok
        return 1 if bad else 0
    print(__doc__.split('\n\n')[1], file=sys.stderr)
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv))
