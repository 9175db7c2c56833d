# Probe: GC side effects of print() on a block-buffered stdout (a pipe/file).
# What it measures:
#   * the TextIOWrapper configuration that decides buffering (line_buffering,
#     write_through, _CHUNK_SIZE, the raw stream type, isatty);
#   * gc.get_count()[0] deltas of 200 consecutive print() calls of 100 bytes
#     each, started right after gc.collect() (empty free lists in 3.x).  The
#     pending-bytes list of the TextIOWrapper is a GC list: it is created on
#     the second write while text is pending and freed (into the list free
#     list) when more than _CHUNK_SIZE (8192) bytes are pending.  Because the
#     freed list is immediately reused by the next pending list, the deltas
#     only show the first creation; the exact flush points are visible in the
#     gdb trace of this probe (gctrace.py ... --watch list, recorded as
#     gctrace_print_buffering).
#   * the same for print() to stderr (line buffered in 3.9+ even on a pipe).
from __future__ import print_function
import gc, sys
gc.disable()
out = sys.stdout
buf = getattr(out, 'buffer', None)
conf = [type(out).__name__, getattr(out, 'line_buffering', None),
        getattr(out, 'write_through', None), getattr(out, '_CHUNK_SIZE', None),
        type(buf).__name__, type(getattr(buf, 'raw', None)).__name__, out.isatty()]
errconf = [getattr(sys.stderr, 'line_buffering', None), sys.stderr.isatty()]
N = 200
R = [0] * N
line = 'x' * 99
gc.collect()
gc.get_count()
i = 0
while i < N:
    c0 = gc.get_count()[0]
    print(line)
    R[i] = gc.get_count()[0] - c0
    i = i + 1
E = [0] * 5
j = 0
while j < 5:
    c0 = gc.get_count()[0]
    print('err line', file=sys.stderr)
    E[j] = gc.get_count()[0] - c0
    j = j + 1
nz = []
k = 0
while k < N:
    if R[k] != 0:
        nz.append((k, R[k]))
    k = k + 1
print('stdout_conf = %s' % (conf,))
print('stderr_line_buffering_isatty = %s' % (errconf,))
print('nonzero_print_deltas = %s' % (nz,))
print('stderr_print_deltas = %s' % (E,))
