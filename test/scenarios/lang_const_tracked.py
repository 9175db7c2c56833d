# Constant tuples are created tracked by the collector (PyTuple_New; 3.12
# creates them untracked) until a collection examines them and untracks them
# (_PyTuple_MaybeUntrack: only untracked members).
import gc
t = (4001, 4002, 4003)
def f():
    return (5001, 5002)
u = ((1, 2), 3)
print(gc.is_tracked(t), gc.is_tracked(f()), gc.is_tracked(u), gc.is_tracked(u[0]), gc.is_tracked(()))
gc.collect()
print(gc.is_tracked(t), gc.is_tracked(f()), gc.is_tracked(u), gc.is_tracked(u[0]))
