# What gc.collect() returns when a __del__ breaks the cycle it is in: 3.6 counts the unreachable set before
# the finalizers run (4); 3.7+ count what is still unreachable after them (nothing here).
import gc
class A:
    def __del__(self):
        self.other = None
a = A(); b = A()
a.other = b; b.other = a
del a, b
print(gc.collect())
class B:
    def __del__(self):
        pass
x = B(); y = B()
x.o = y; y.o = x
del x, y
print(gc.collect())
