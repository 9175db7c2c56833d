# Finalizers: order of __del__ in a collected group, __del__ touching other
# garbage, weakref callbacks before finalizers, exceptions in __del__, and
# objects reachable only from garbage.
import gc, sys, weakref
gc.collect()
log = []


class F:
    def __init__(self, name, partner=None):
        self.name = name
        self.partner = partner

    def __del__(self):
        p = self.partner.name if self.partner is not None else None
        log.append('del %s (partner %s)' % (self.name, p))


a = F('a')
b = F('b', a)
c = F('c', b)
a.partner = c
wr = weakref.ref(b, lambda ref: log.append('callback, alive=%s' % (ref() is not None)))
del a, b, c
print('collected', gc.collect())
for line in log:
    print(line)
del log[:]


class Boom:
    def __del__(self):
        raise RuntimeError('from __del__')


x = Boom()
x.me = x
del x
print('collected with a raising __del__:', gc.collect())
print('garbage:', gc.garbage)
