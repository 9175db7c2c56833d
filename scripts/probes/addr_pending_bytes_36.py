# Probe (3.6.15): after `del b`, does print() keep the freed instance block? 3.6's
# TextIOWrapper.write encodes each string into a new bytes object (33 + len bytes) that the
# pending list holds until a flush (stdout to a pipe is not line-buffered). A 64-byte instance
# (32-byte PyGC_Head + 32) and the bytes of a 16–31 character line share pymalloc's 64-byte size
# class, so the next instance gets a new address; a line of 1 character (cached bytes) or of
# 32+ characters (80-byte class) leaves the block to it. Measured on 3.6.15: 1, 5, 15 reused,
# 16, 20 not, 31 reused again (not explained: pymalloc's per-pool free lists and usedpools
# order, which the simulator does not model). 3.7.16: all reused. Prints (length, reused) on stderr;
# run with stdout to a pipe or a file: python addr_pending_bytes_36.py | cat
# Traced with gdb (break on _PyObject_Malloc returning the instance's block): the block of
# `del b` in 43_del_exception is taken by _PyUnicode_FromId("stdout") (interned elsewhere
# already, freed at once) and then by the pending bytes of 'after_refcount = ok'.
import sys


class A:
    pass


res = []
for n in (1, 5, 15, 16, 20, 31, 32, 40):
    b = A()
    ib = id(b)
    del b
    print('a' * n)
    x = A()
    res.append((n, id(x) == ib))
    del x
print(sys.getsizeof(A()), res, file=sys.stderr)
