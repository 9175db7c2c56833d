# Automatic collections with the default thresholds over a long run: 30000
# two-instance cycles with __del__, and a kept list for every third one. Which
# automatic collections find cyclic garbage, how much, and the statistics.
# 3.14.0-3.14.4 (incremental collector): the first increment marks everything
# reachable from the roots and charges it twice to the work budget, so the
# garbage waits for an increment the budget allows; before 3.14 (and again from
# 3.14.5) young collections reclaim each cycle soon after it is made.
# requires: 3.3
# digest: collections_with_garbage, first_with_garbage, collected, dels, stats, end
import gc
gc.collect()
log = []


class C:
    def __del__(self):
        log.append(i)


events = []


def cb(phase, info):
    if phase == 'stop' and info['collected']:
        events.append((i, info['generation'], info['collected']))


gc.callbacks.append(cb)
keep = []
i = 0
while i < 30000:
    a = C()
    b = C()
    a.o = b
    b.o = a
    del a, b
    if i % 3 == 0:
        keep.append([i])
    i = i + 1
gc.callbacks.remove(cb)
print('collections_with_garbage = %d' % len(events))
print('first_with_garbage = %s' % (events[:3],))
print('collected = %d' % sum([e[2] for e in events]))
print('dels = %d' % len(log))
print('stats = %s' % ([(s['collections'] > 0, s['collected'] > 0) for s in gc.get_stats()],))
print('end = %d' % gc.collect())
