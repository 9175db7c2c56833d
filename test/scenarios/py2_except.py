# requires: 2.7
# Lifetime of a caught exception. 2.7 keeps it (and its traceback, which holds
# the frames it passed through and so their locals) in the thread state until
# the catching frame returns, a later caught exception replaces it, or
# sys.exc_clear(); `except E as e` leaves e bound. 3.x drops it at the end of
# the handler and deletes e.
from __future__ import print_function
import sys


class X(object):
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('del', self.name)


def fail(name):
    x = X(name)
    raise ValueError(name)


def catch_in_function():
    try:
        fail('f1')
    except ValueError:
        print('caught f1')
    print('after handler f1')


catch_in_function()
print('f1 returned')


def catch_as():
    try:
        fail('f2')
    except ValueError as e:
        print('caught', e)
    try:
        print('e still bound:', e, sys.exc_info()[1] is e)
    except NameError:
        print('e deleted')


catch_as()
print('f2 returned')


def catch_twice():
    try:
        fail('t1')
    except ValueError:
        print('caught t1')
    try:
        fail('t2')
    except ValueError:
        print('caught t2')
    print('end catch_twice')


catch_twice()
print('catch_twice returned')


def clear():
    try:
        fail('c1')
    except ValueError:
        print('caught c1')
        if hasattr(sys, 'exc_clear'):
            sys.exc_clear()
        print('cleared')
    print('info', sys.exc_info())


clear()


def nested():
    try:
        try:
            fail('n1')
        except KeyError:
            print('wrong handler')
    except ValueError as e:
        print('outer caught', e)
        try:
            fail('n2')
        except ValueError:
            print('inner caught n2')
        print('info after inner:', sys.exc_info()[1])
    print('end nested')


nested()
print('nested returned')


def reraise():
    try:
        fail('r1')
    except ValueError:
        print('caught r1, re-raising')
        raise


def outer():
    try:
        reraise()
    except ValueError as e:
        print('outer got', e, hasattr(e, '__traceback__'))
    print('end outer')


outer()
print('outer returned')


def inner_catch():
    try:
        fail('i1')
    except ValueError:
        pass
    return sys.exc_info()[0].__name__


def caller():
    try:
        fail('i0')
    except ValueError:
        print('caller caught i0')
        print('inner saw', inner_catch())
        print('caller info', sys.exc_info()[1])


caller()
print('caller returned')



def refs_and_finally():
    try:
        fail('r')
    except ValueError as e:
        # 2.7: the thread state and sys.exc_value hold e too.
        print('refcount', sys.getrefcount(e), getattr(sys, 'exc_value', None) is e)
    try:
        fail('fin')
    finally:
        # 2.7: `finally` does not set exc_info (still r); 3.x: the exception in flight.
        print('finally info', sys.exc_info()[1])


try:
    refs_and_finally()
except ValueError as e:
    print('caught', e)


def bare_raise():
    if hasattr(sys, 'exc_clear'):
        sys.exc_clear()
    try:
        raise
    except (TypeError, RuntimeError) as e:
        print('bare raise:', type(e).__name__)


bare_raise()

# At module level the caught exception stays until the end (or until replaced).
try:
    fail('m1')
except ValueError:
    print('module caught m1')
print('module after m1')
try:
    fail('m2')
except ValueError as err:
    print('module caught', err)
try:
    print('module after m2', err)
except NameError:
    print('err deleted')
print('info', sys.exc_info()[1])
print('end of script')
