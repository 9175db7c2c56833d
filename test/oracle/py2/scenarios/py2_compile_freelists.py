# gc.get_count() in an allocation loop after gc.collect(), in a module whose
# nested functions and classes make the compiler use many scratch dicts and
# lists: 2.7 keeps them on its free lists through full collections (3.x
# empties them), so there the first instance __dict__s and lists cost no count
# and the first automatic collection comes later.
# requires: 2.7
# digest: counts, first_auto
from __future__ import print_function
import gc


class Node(object):
    def link(self, other):
        self.other = other


def outer():
    def middle():
        def inner():
            class Local(object):
                pass
            return Local
        return inner
    return middle


def make(n, trace):
    i = 0
    while i < n:
        a = Node()
        b = Node()
        a.link(b)
        b.link(a)
        c = Node()
        c.items = []
        d = Node()
        i = i + 1
        trace.append(gc.get_count()[0])


gc.collect()
trace = []
make(12, trace)
print('counts =', trace)
gc.collect()
trace = []
make(400, trace)
i = 1
while i < len(trace) and trace[i] > trace[i - 1]:
    i = i + 1
print('first_auto =', i)
print('count_before =', trace[i - 1])
print('left =', gc.collect())
