# Probe (3.14): the start-up spaces (young, old[visited], old[pending]) and the mark's reach, from DEBUG_STATS.
import gc
gc.set_debug(gc.DEBUG_STATS)
gc.collect(1)
gc.collect(0)
n = gc.collect()
gc.collect(1)
gc.collect(0)
gc.set_debug(0)
print(n)
