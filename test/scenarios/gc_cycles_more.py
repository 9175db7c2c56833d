# Cycles of many shapes, collected with collect(0/1/2) and reported with
# DEBUG_COLLECTABLE, plus get_count() after each collection.
import gc, sys
gc.collect()


class N:
    def __init__(self, name):
        self.name = name


def ring(k):
    nodes = [N('r%d' % i) for i in range(k)]
    for i in range(k):
        nodes[i].next = nodes[(i + 1) % k]
    return nodes[0]


r = ring(5)
del r
print('ring of 5:', gc.collect())
a = N('a')
a.self_ref = a
del a
print('self cycle gen0:', gc.collect(0), gc.get_count())
l = []
l.append(l)
d = {}
d['me'] = d
del l, d
print('list and dict self cycles gen1:', gc.collect(1), gc.get_count())


def closure_cycle():
    def f():
        return f
    return f


g = closure_cycle()
del g
print('recursive closure:', gc.collect())
x = N('x')
y = N('y')
x.peer = y
y.peer = x
keep = [x]
del x, y
print('reachable cycle:', gc.collect())
gc.set_debug(gc.DEBUG_COLLECTABLE)
del keep
print('now unreachable:', gc.collect())
gc.set_debug(0)
print('stats keys:', sorted(gc.get_stats()[2].keys()))
