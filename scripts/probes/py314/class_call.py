# Probe (3.14): tracked objects alive inside __init__ of a Python class call (no argument tuple).
import gc
gc.disable()
r = []
class N:
    def __init__(self, name):
        r.append(gc.get_count()[0])
i = 0
while i < 5:
    r.append(gc.get_count()[0])
    a = N('x')
    i += 1
def f():
    j = 0
    while j < 4:
        r.append(gc.get_count()[0])
        b = N('y')
        j += 1
f()
print([r[k+1]-r[k] for k in range(0, len(r), 2)])
