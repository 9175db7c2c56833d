# Probe (3.6.15): is a freed instance's block reused by the next instance when a
# print() of n characters runs in between? CPython 3.6 says no for n = 16..30
# (with or without an exception in __del__), yes otherwise; prints the pairs
# (n, reused) on stderr. Usage: python addr_reuse_36.py >/dev/null
import gc, sys
gc.collect()
class Bad:
    def __del__(self):
        raise ValueError('boom')
res = []
for n in range(1, 40):
    b = Bad()
    ib = id(b)
    del b
    print('a' * n)
    x = Bad()
    res.append((n, id(x) == ib))
    del x
print(res, file=sys.stderr)
