# Automatic collections in loops that make and drop suspended generators: each dropped
# generator is closed by its finalizer (GeneratorExit thrown in: ≤3.11 no exception
# instance is made for it, 3.12+ one is), so where a collection falls depends on these
# transient objects; 3.12+ collect at eval-breaker checks, which neither creating a
# generator (RETURN_GENERATOR) nor throwing into one passes.
import gc


def gen(n):
    for i in range(n):
        yield i


class Node(object):
    pass


def run(mode):
    gc.collect()
    trace = []
    keep = []
    for k in range(1500):
        if mode != 'genexp':
            g = gen(3)
            next(g)
        if mode != 'plain':
            e = (x for x in [k])
        if mode == 'mixed' and k % 3 == 0:
            for v in gen(2):
                pass
        if mode == 'mixed' and k % 5 == 0:
            keep.append(gen(1))
        n = Node()
        n.self = n
        trace.append(gc.get_count()[0])
    drops = [i for i in range(1, len(trace)) if trace[i] < trace[i - 1]]
    print(mode, trace[:5], len(keep))
    for i in drops:
        print('  collected at', i, trace[i - 3:i + 3])


for mode in ['plain', 'genexp', 'mixed']:
    run(mode)
