# The long-lived rule (SPEC section 5): with thresholds (10, 2, 2) and survivors allocated one by one, when does the first automatic full collection run?
# requires: 3.6
from __future__ import print_function
import gc
gc.collect()
base = len(gc.get_objects())
gc.set_threshold(10, 2, 2)
fulls = []
def cb(phase, info):
    if phase == 'start' and info['generation'] == 2:
        fulls.append(len(keep))
gc.callbacks.append(cb)
keep = []
for i in range(400):
    keep.append([i])
gc.callbacks.remove(cb)
gc.set_threshold(700, 10, 10)
print('fulls = %s' % fulls[:4])
