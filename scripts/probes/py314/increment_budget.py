# Probe (3.14): iterations at which automatic increments collect a region (get_stats()[1] grows),
# threshold 10: fixes the start-up work budget (docs/calibration/cpython-3.14.md).
import gc
gc.set_threshold(10, 10, 0)
keep = []
ev = []
last = gc.get_stats()[1]['collections']
i = 0
while i < 3000:
    keep.append([])
    c = gc.get_stats()[1]['collections']
    if c != last:
        ev.append(i)
        last = c
    i = i + 1
gc.set_threshold(2000, 10, 0)
print(ev)
