# Benchmark: a loop creating 1,000,000 instances, half of them in 2-cycles
# left to automatic collection (no gc.collect() until the end).
from __future__ import print_function
import gc


class Node(object):
    pass


def make(n):
    i = 0
    while i < n:
        a = Node()
        b = Node()
        a.other = b
        b.other = a
        c = Node()
        d = Node()
        i = i + 4


gc.collect()
make(1000000)
print('left for the final collection:', gc.collect())
