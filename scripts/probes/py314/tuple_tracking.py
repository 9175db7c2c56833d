# Probe (3.14, run with: node scripts/oracle/run_pyodide.mjs --run FILE): which tuple
# creations are tracked (_PyTuple_FromArray paths vs PyTuple_New paths).
import gc
x = 3
l = [1, 2]
def va(*args): return args
def kw(**k): return k
d = {'a': 1}
t = (x, 5)
print('build', gc.is_tracked(t))
print('tuple(list)', gc.is_tracked(tuple(l)))
print('divmod', gc.is_tracked(divmod(7, x)))
print('varargs', gc.is_tracked(va(x, 2)))
print('slice', gc.is_tracked(t[0:1]))
print('concat', gc.is_tracked(t + t))
print('items', [gc.is_tracked(i) for i in d.items()])
print('enumerate', [gc.is_tracked(i) for i in enumerate(l)])
print('zip', [gc.is_tracked(i) for i in zip(l, l)])
print('count', gc.is_tracked(gc.get_count()))
print('mul', gc.is_tracked(t * 2))
print('starred', gc.is_tracked((*l,)))
print('kwdict', gc.is_tracked(kw(a=1)))
print('listtuple', gc.is_tracked(tuple([x, 2])))
print('divmodf', gc.is_tracked(divmod(7.0, x)))
a, b = 1, x
print('swap', gc.is_tracked((b, a)))
print('str_split', gc.is_tracked(tuple('ab')))
print('sorted', gc.is_tracked(tuple(sorted(l))))
print('dictkeys', gc.is_tracked(tuple(d)))
