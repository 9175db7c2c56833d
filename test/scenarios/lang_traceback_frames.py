# Tracebacks keep frames alive: an exception caught in a caller keeps the callee's locals
# until the handler ends; a kept exception (or sys.exc_info()) keeps them, and a local
# that holds its own exception makes a cycle (exception -> traceback -> frame -> locals).
# requires: 3.6
import gc, sys
gc.collect()
class Big(object):
    def __del__(self):
        print('Big del')
def f():
    x = Big()
    raise ValueError('v')
try:
    f()
except ValueError:
    print('caught')
print('after')
def g():
    try:
        f()
    except ValueError:
        print('caught in g')
    print('end g')
g()
print('after g')
class Big2(object):
    def __del__(self):
        print('Big2 del')
def f():
    x = Big2()
    try:
        raise ValueError('v')
    except ValueError as e:
        saved = e
    return 1
f()
print('after f')
print(gc.collect())
def g():
    x = Big2()
    try:
        1 / 0
    except ZeroDivisionError:
        t = sys.exc_info()
    return t
r = g()
print('after g', type(r[2]).__name__)
del r
print(gc.collect())
err = None
def h():
    global err
    y = Big2()
    try:
        {}['k']
    except KeyError as e:
        err = e
h()
print('after h', repr(err), err.__traceback__.tb_lineno)
err = None
print(gc.collect())
try:
    raise RuntimeError('x')
except RuntimeError as e2:
    pass
print('e2' in globals())
