# Which local loads CPython 3.14 compiles to LOAD_FAST_BORROW (gh-130704), for
# test/unit/borrow.test.ts: run with
#   node scripts/oracle/run_pyodide.mjs --run scripts/probes/py314/load_fast_borrow.py \
#     > test/unit/fixtures/load-fast-borrow-3.14.txt
# Each line: a function, then its loads of locals (sorted): name:B (borrowed),
# name:S (strong LOAD_FAST), name:C (LOAD_FAST_CHECK). The engine compiles the
# functions above the marker and must choose the same.
import sys

def args_and_calls(a, b):
    sys.getrefcount(a)
    f = a
    print(a, b, f)
    return b

def containers(x, y):
    l = [x, y]
    d = {x: y}
    t = (x,)
    l.append(y)
    x.attr = y
    x[0] = y
    return l, d, t

def rebinding(x):
    y = x
    x = None
    z = y.attr
    y = y.next
    return z

def loops(seq, v):
    total = 0
    for item in seq:
        total += item
        print(v)
    while v:
        v = v - 1
    return total

def branches(a, b, c):
    if a:
        print(b)
    r = a or b
    s = b if c else a
    t = a and b and c
    return r, s, t

def maybe_unbound(a):
    if a:
        w = 1
    print(w)
    q = 2
    del q
    return a

def unpack_and_aug(p):
    a, b = p
    a += b
    x, *rest = p
    return a, x, rest

def methods(obj, k):
    obj.method(k)
    obj.method(key=k)
    return obj.method

def handlers(a):
    try:
        a.x()
    except ValueError as e:
        print(e, a)
    finally:
        print(a)
    return a

def same_line(a, b): x = a; y = b; return x, y

def closure(a):
    def inner():
        return a
    return inner

# --- report (not compiled by the engine)
import dis

for name, fn in list(globals().items()):
    if not callable(fn) or getattr(fn, '__module__', None) != '__main__' or name == 'report':
        continue
    loads = []
    for ins in dis.get_instructions(fn):
        op, arg = ins.opname, ins.argval
        kinds = {'LOAD_FAST': 'S', 'LOAD_FAST_BORROW': 'B', 'LOAD_FAST_CHECK': 'C'}
        if op in kinds:
            loads.append(f'{arg}:{kinds[op]}')
        elif op in ('LOAD_FAST_LOAD_FAST', 'LOAD_FAST_BORROW_LOAD_FAST_BORROW'):
            k = 'B' if 'BORROW' in op else 'S'
            loads += [f'{arg[0]}:{k}', f'{arg[1]}:{k}']
        elif op == 'STORE_FAST_LOAD_FAST':
            loads.append(f'{arg[1]}:S')
    print(name + ': ' + ' '.join(sorted(loads)))
