# Probe (3.14): is a weakref to cyclic garbage still alive inside __del__ during gc.collect()?
import gc, weakref
class A:
    def __del__(self):
        print('del: wr alive', wr() is not None)
a = A(); b = A(); a.o = b; b.o = a
wr = weakref.ref(b)
del a, b
print(gc.collect())
print('after', wr())
