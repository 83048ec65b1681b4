"""What a guest console must never show (KUnit runs and selftest guests)."""
import re

CONSOLE_BAD = re.compile(r'(WARNING:|BUG:|Oops|Kernel panic|kernel BUG|UBSAN:|KASAN:|'
                         r'possible recursive locking|possible circular locking|'
                         r'inconsistent lock state|bad page state|INFO: task .* blocked)')
