# Probe (3.6 vs 3.7): which builtins build an argument tuple (METH_VARARGS) — the
# gc.get_count()[0] gain of one call after gc.collect(), minus that of a plain
# lambda call. Usage: python varargs_builtins_36.py
import gc
L=[3,1,2]; I=iter(range(100)); o=object()
cases = {
 'sum': lambda: sum(L), 'isinstance': lambda: isinstance(L, list), 'issubclass': lambda: issubclass(int, object),
 'divmod': lambda: divmod(7,2), 'next': lambda: next(I), 'getattr': lambda: getattr(L,'append'), 'getattr3': lambda: getattr(L,'x',None),
 'hasattr': lambda: hasattr(L,'x'), 'setattr': None, 'format': lambda: format(5,'d'), 'format1': lambda: format(5),
 'pow': lambda: pow(2,3), 'round': lambda: round(2.5), 'len': lambda: len(L), 'abs': lambda: abs(-1), 'min': lambda: min(L),
 'iter': lambda: iter(L), 'hash': lambda: hash(1), 'repr': lambda: repr(1), 'id': lambda: id(L), 'callable': lambda: callable(L),
 'chr': lambda: chr(65), 'ord': lambda: ord('a'), 'sorted': lambda: sorted(L), 'any': lambda: any(L), 'dir': None, 'vars': None,
 'delattr': None, 'bin': lambda: bin(3), 'hex': lambda: hex(3), 'ascii': lambda: ascii(1), 'globals': lambda: globals(),
}
for k, f in cases.items():
    if f is None: continue
    f(); gc.collect(); b = gc.get_count()[0]; f(); d = gc.get_count()[0]-b
    gc.collect(); b = gc.get_count()[0]; (lambda: None)(); e = gc.get_count()[0]-b
    print(k, d - e)
