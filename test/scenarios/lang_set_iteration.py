# Set iteration as setiterobject: no reference to the members, the set released
# when exhausted, 'Set changed size during iteration' (sticky).
import sys
class A:
    pass
a = A()
b = A()
s = {a, b}
for x in s:
    print(sys.getrefcount(x))
it = iter(s)
print(sys.getrefcount(s))
next(it)
s.add(3)
try:
    next(it)
except RuntimeError as e:
    print('RuntimeError:', e)
try:
    next(it)
except RuntimeError as e:
    print('again RuntimeError:', e)
except StopIteration:
    print('stop')
s.discard(3)
try:
    next(it)
except RuntimeError as e:
    print('sticky RuntimeError:', e)
t = {1, 2, 3}
it2 = iter(t)
print(sys.getrefcount(t))
print(list(it2))
print(sys.getrefcount(t))
print(list(it2))
