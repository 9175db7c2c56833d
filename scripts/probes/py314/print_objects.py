# Probe (3.14): tracked objects alive while print() converts its argument (count inside __str__).
import gc
gc.disable()
r = []
class S:
    def __str__(self):
        r.append(gc.get_count()[0])
        return 'x'
s = S()
r.append(gc.get_count()[0])
print(s)
r.append(gc.get_count()[0])
print(s)
r.append(gc.get_count()[0])
print(s, s)
r.append(gc.get_count()[0])
print(r)
