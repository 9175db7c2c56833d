# Control flow through generators: recursion through nested generators (a for loop
# resumes the inner generator's frame; the recursion limit counts those frames),
# exceptions raised and caught inside a generator, an exception leaving a generator
# (which is then finished), generator expressions fed to builtins and evaluated in a
# class body, a generator whose frame is running (ValueError), and the traceback of
# an uncaught exception raised two generators deep.
import gc
import sys


def walk(n):
    if n == 0:
        yield 0
        return
    for x in walk(n - 1):
        yield x + 1


print('deep', list(walk(300)))


def endless(n):
    for x in endless(n + 1):
        yield x
    yield n


try:
    list(endless(0))
except RecursionError as e:
    print('recursion', e)
print('collected', gc.collect())


def inner_catch():
    try:
        yield 1
        raise KeyError('k')
    except KeyError as e:
        print('caught inside', e)
    yield 2


print(list(inner_catch()))


def failing():
    yield 1
    raise ValueError('stop here')


g = failing()
print(next(g))
try:
    next(g)
except ValueError as e:
    print('raised', e)
print('afterwards', next(g, 'exhausted'), list(g))

e = (1 / x for x in [1, 0, 2])
print(next(e))
try:
    next(e)
except ZeroDivisionError as ex:
    print('genexp raised', ex)
print(next(e, 'genexp exhausted'))

print(tuple(x for x in 'ab'), sorted(x for x in [3, 1, 2]), any(x > 1 for x in [1, 2]))
print(dict((k, len(k)) for k in ['a', 'bb']), set(x % 2 for x in range(5)), max(x for x in [4, 7]))
print(''.join(c.upper() for c in 'xyz'), list(enumerate(x for x in 'pq')), list(zip((x for x in 'ab'), 'cd')))


class K:
    v = 3
    w = list(i for i in range(v))


print('class body', K.w)


def selfish():
    yield next(me)


me = selfish()
try:
    next(me)
except ValueError as ex:
    print('running', ex)
del me


def level2():
    yield 1
    raise KeyError('deep')


def level1():
    for v in level2():
        yield v


for v in level1():
    print('got', v)
