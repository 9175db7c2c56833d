# 1,000,000 instances, half of them in 2-cycles left to automatic collection.
import gc


class Node:
    pass


def make(n):
    i = 0
    while i < n:
        a = Node()
        if i % 2 == 0:
            b = Node()
            a.other = b
            b.other = a
            i = i + 2
        else:
            i = i + 1


make(1000000)
print(gc.collect())
