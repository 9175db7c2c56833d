# Functions: defaults, *args, **kwargs, keyword-only, closures, nonlocal, lambda, recursion.
import gc, sys


def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))


print(f(1, c=3))
print(f(1, 5, 6, 7, c=8, e=9, g=10))
print(f(*[1, 2, 3], **{'c': 0}))


def counter():
    n = 0

    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc


c = counter()
print(c(), c(), c(5))
total = 0


def add(v):
    global total
    total += v


add(3)
add(4)
print(total)
sq = lambda v: v * v
print(sq(7), (lambda *a: len(a))(1, 2, 3))


def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


print(fact(20))


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print([fib(i) for i in range(15)])
try:
    f()
except TypeError as e:
    print('TypeError:', e)
try:
    f(1, 2, c=3, a=4)
except TypeError as e:
    print('TypeError:', e)
try:
    fact(None)
except TypeError as e:
    print('TypeError:', e)


def deep(n):
    return deep(n + 1)


try:
    deep(0)
except RecursionError as e:
    print('RecursionError:', e)
