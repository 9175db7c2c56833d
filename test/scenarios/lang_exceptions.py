# Exceptions: try/except/else/finally, raise from, re-raise, messages of
# common errors, and an uncaught exception's traceback at the end.
import gc, sys


def risky(kind):
    if kind == 'key':
        return {}['missing']
    if kind == 'index':
        return [][3]
    if kind == 'zero':
        return 1 / 0
    if kind == 'type':
        return 'a' + 1
    if kind == 'value':
        return int('x')
    if kind == 'name':
        return undefined_name
    return 'ok'


for kind in ['key', 'index', 'zero', 'type', 'value', 'name', 'none']:
    try:
        r = risky(kind)
    except (KeyError, IndexError) as e:
        print('lookup', type(e).__name__, e)
    except ZeroDivisionError as e:
        print('zero', e)
    except Exception as e:
        print('other', type(e).__name__, e)
    else:
        print('else', r)
    finally:
        print('finally', kind)


def cleanup():
    try:
        return 'from try'
    finally:
        print('finally runs before return')


print(cleanup())
try:
    try:
        raise ValueError('inner')
    except ValueError:
        raise KeyError('outer')
except KeyError as e:
    print('context:', repr(e.__context__))
try:
    raise RuntimeError('wrapped') from ValueError('cause')
except RuntimeError as e:
    print('cause:', repr(e.__cause__))
try:
    assert 1 == 2, 'math is broken'
except AssertionError as e:
    print('assert:', e)


def outer():
    inner()


def inner():
    values = [1, 2]
    return values[5] + 1


outer()
