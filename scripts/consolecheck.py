"""What a guest console must never show (KUnit runs and selftest guests).

A target may name warnings that an unpatched upstream kernel prints on its
own, unrelated to the series (KNOWN_CONSOLE_WARNINGS in
configs/targets/T.py, read by scripts/target.py: a regex for the line, and the upstream defect it
stands for).  Each is excused once per boot (with its identical copies: a
boot console can print a line twice), printed as excused, and never hides
any other line.  Match the file name with an optional directory in front:
a ccache base_dir build prints it relative to the build directory.
"""
import re

CONSOLE_BAD = re.compile(r'(WARNING:|BUG:|Oops|Kernel panic|kernel BUG|UBSAN:|KASAN:|'
                         r'possible recursive locking|possible circular locking|'
                         r'inconsistent lock state|bad page state|INFO: task .* blocked)')


def bad_lines(console, known=None):
    """(hits, excused): console lines that fail the gate, and the lines
    excused by the target's KNOWN_CONSOLE_WARNINGS (once each)."""
    hits = [l for l in console.splitlines() if CONSOLE_BAD.search(l)]
    excused = []
    for rx, why in (known or {}).items():
        for l in hits:
            if re.search(rx, l):
                excused.append(f'{l.strip()}  [excused: {why}]')
                # and the same line again: early in boot the boot console
                # and the real one can both print it
                hits = [h for h in hits if h.strip() != l.strip()]
                break
    return hits, excused


def assertion_lines(console):
    """The failed assertions of a console, each on one line: KUnit's
    "EXPECTATION/ASSERTION FAILED at ..." with the line that says what was
    found, and a kselftest "file:line:case:Expected ..." with the TH_LOG()
    that follows it, if one does."""
    lines = console.splitlines()
    out = []
    for i, l in enumerate(lines):
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ''
        if re.search(r'(EXPECTATION|ASSERTION) FAILED', l):
            out.append((l.strip() + ' ' + nxt).strip())
        elif re.search(r'^# .*:Expected ', l):
            more = nxt.startswith('# ') and 'Expected' not in nxt
            out.append(l.strip() + (' ' + nxt.split(':', 3)[-1] if more else ''))
    return out
