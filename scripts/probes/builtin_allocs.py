# Probe: what gc.get_count()[0] gains while round() runs (after gc.collect(), so
# every free list is empty), keeping the result alive (kept) and dropping it at
# once (dropped). Usage: python builtin_allocs.py
# The other builtins this probe measured are in the recorded scenario
# test/scenarios/gc_builtin_allocs.py; round() stays here because 3.7's result
# (+1 when kept) is not modelled yet.
import gc
r = None
gc.collect()
b = gc.get_count()[0]
r = round(2.5)
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
round(2.5)
d2 = gc.get_count()[0] - b
print('round', d1, d2)
