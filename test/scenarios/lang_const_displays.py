# List and set displays of three or more constants (CPython 3.9+ compiles
# them to BUILD_LIST 0 / LOAD_CONST tuple / LIST_EXTEND 1, and BUILD_SET 0 /
# LOAD_CONST frozenset / SET_UPDATE 1; 3.8 and earlier build item by item):
# the set's table is pre-sized from the frozenset, which decides its order;
# and for/in over a set of constants iterates a frozenset constant (fold_iter).
import sys
import gc

print({17, 5, 8, 9, 10})
print({5, 1, 17, 2, 3})
print({-4, 3 + 4, (1, 2), 100, 36, 68})
print({1, 1, 2, 2, 3})
print({0, 8, 16, 24, 32, 40, 48})
print({"x", "y"} == {"y", "x"}, {1, 2})
s = {17, 5, 8, 9, 10}
s.add(33)
s.add(49)
print(s, len(s))
t = {64, 32, 16, 8, 4, 2, 1}
t.discard(16)
t.add(80)
print(t)
print([1, 2, 3], [1, 2], [1, 2, 3, 4, 5] * 2)

def f():
    return [5001, 5002, 5003], {6001, 6002, 6003}

print(f(), f()[1] == {6003, 6002, 6001})

x = [7, 8, 9]
y = {7, 8, 9}
print(gc.is_tracked(x), gc.is_tracked(y), x, y)
print(frozenset({12, 4, 20, 28}), set([12, 4, 20, 28]))
for k in {17, 5, 8, 9, 10}:
    print(k, end=" ")
print()
print(5 in {1, 5, 9}, [k for k in [3, 2, 1]])
