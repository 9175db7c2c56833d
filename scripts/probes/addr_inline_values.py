# Probe (3.13.0 native, 3.14.2 pyodide): which instance of a class reuses the freed block of
# the previous one. Prints, per class, each instance's address as @N in order of first
# appearance. 3.13 gives @1,@2,@2,@3,@3,@4,@5,@5,@6,@6: instances carry their inline values,
# _PyType_AllocNoTrack asks for 48 + round8(n) + 8*(n+1) bytes with n = dk_nentries +
# dk_usable of the class's shared keys, and _PyObject_InitInlineValues then shrinks dk_usable
# by one, so the sizes run 328, 320, 312, 304 … (gdb on _PyObject_Malloc: 320, 312, 304 for the
# 2nd–4th instance) and change pymalloc size class (16 bytes) every other instance. 3.12 and
# earlier: one address. Pyodide 3.14.2 (built --without-pymalloc, 32-bit, emscripten malloc):
# @1,@1,@2,@3,@3,@4,@5,@5,@6,@6 here, other patterns with other allocations in between.
# Usage: python addr_inline_values.py   |   node scripts/oracle/run_pyodide.mjs --run THIS
import sys, sysconfig


class B:
    pass


class WithInit:
    def __init__(self):
        self.x = 1


def pattern(cls, n=10):
    ids = []
    for _ in range(n):
        c = cls()
        ids.append(id(c))
        del c
    m = {}
    return ['@%d' % m.setdefault(a, len(m) + 1) for a in ids]


print(sys.version.split()[0], 'pymalloc' if sysconfig.get_config_var('WITH_PYMALLOC') in (1, None) else 'no pymalloc')
for cls in (B, WithInit):
    print(cls.__name__, ','.join(pattern(cls)))
