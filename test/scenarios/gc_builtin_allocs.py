# What builtin calls allocate, seen through gc.get_count()[0] after gc.collect()
# (every free list empty), keeping the result (first number) or dropping it at
# once (second): argument tuples of types called through tp_call (per version),
# enumerate's and zip's recycled result tuples, zip's and map's tuples of
# iterators, the methods bound by _PyObject_LookupSpecial (PyCFunction free list
# up to 3.8), list.sort's keyword tuple (3.8-3.11), iter() as METH_VARARGS in
# 3.7, min()/max() fast calls in 3.13.
import gc
L = [3, 1, 2]
D = {'a': 1, 'b': 2}
S = {1, 2}
T = (1, 2, 3)
I = iter(range(100))
r = None
r = None
gc.collect()
b = gc.get_count()[0]
r = 0
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
0
d2 = gc.get_count()[0] - b
print('nothing', d1, d2)
r = None
gc.collect()
b = gc.get_count()[0]
r = int('5001')
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
int('5001')
d2 = gc.get_count()[0] - b
print('int_str', d1, d2)
r = None
gc.collect()
b = gc.get_count()[0]
r = int(5.5)
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
int(5.5)
d2 = gc.get_count()[0] - b
print('int_float', d1, d2)
r = None
gc.collect()
b = gc.get_count()[0]
r = int()
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
int()
d2 = gc.get_count()[0] - b
print('int_empty', d1, d2)
r = None
gc.collect()
b = gc.get_count()[0]
r = int(L[0])
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
int(L[0])
d2 = gc.get_count()[0] - b
print('int_int', d1, d2)
r = None
gc.collect()
b = gc.get_count()[0]
r = float('1.5')
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
float('1.5')
d2 = gc.get_count()[0] - b
print('float_str', d1, d2)
r = None
gc.collect()
b = gc.get_count()[0]
r = float(3)
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
float(3)
d2 = gc.get_count()[0] - b
print('float_int', d1, d2)
r = None
gc.collect()
b = gc.get_count()[0]
r = enumerate(L)
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
enumerate(L)
d2 = gc.get_count()[0] - b
print('enumerate', d1, d2)
r = None
gc.collect()
b = gc.get_count()[0]
r = list(enumerate(L))
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
list(enumerate(L))
d2 = gc.get_count()[0] - b
print('list_enumerate', d1, d2)
r = None
gc.collect()
b = gc.get_count()[0]
r = zip(L, L)
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
zip(L, L)
d2 = gc.get_count()[0] - b
print('zip', d1, d2)
r = None
gc.collect()
b = gc.get_count()[0]
r = list(zip(L, L))
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
list(zip(L, L))
d2 = gc.get_count()[0] - b
print('list_zip', d1, d2)
r = None
gc.collect()
b = gc.get_count()[0]
r = map(str, L)
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
map(str, L)
d2 = gc.get_count()[0] - b
print('map', d1, d2)
r = None
gc.collect()
b = gc.get_count()[0]
r = list(map(abs, L))
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
list(map(abs, L))
d2 = gc.get_count()[0] - b
print('list_map', d1, d2)
r = None
gc.collect()
b = gc.get_count()[0]
r = filter(None, L)
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
filter(None, L)
d2 = gc.get_count()[0] - b
print('filter', d1, d2)
r = None
gc.collect()
b = gc.get_count()[0]
r = reversed(L)
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
reversed(L)
d2 = gc.get_count()[0] - b
print('reversed', d1, d2)
r = None
gc.collect()
b = gc.get_count()[0]
r = list(reversed(L))
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
list(reversed(L))
d2 = gc.get_count()[0] - b
print('list_reversed', d1, d2)
r = None
gc.collect()
b = gc.get_count()[0]
r = sorted(L)
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
sorted(L)
d2 = gc.get_count()[0] - b
print('sorted', d1, d2)
r = None
gc.collect()
b = gc.get_count()[0]
r = sorted(L, key=abs)
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
sorted(L, key=abs)
d2 = gc.get_count()[0] - b
print('sorted_key', d1, d2)
r = None
gc.collect()
b = gc.get_count()[0]
r = dict(D)
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
dict(D)
d2 = gc.get_count()[0] - b
print('dict_d', d1, d2)
r = None
gc.collect()
b = gc.get_count()[0]
r = dict(a=1)
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
dict(a=1)
d2 = gc.get_count()[0] - b
print('dict_kw', d1, d2)
r = None
gc.collect()
b = gc.get_count()[0]
r = dict()
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
dict()
d2 = gc.get_count()[0] - b
print('dict_empty', d1, d2)
r = None
gc.collect()
b = gc.get_count()[0]
r = list(L)
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
list(L)
d2 = gc.get_count()[0] - b
print('list_x', d1, d2)
r = None
gc.collect()
b = gc.get_count()[0]
r = list()
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
list()
d2 = gc.get_count()[0] - b
print('list_empty', d1, d2)
r = None
gc.collect()
b = gc.get_count()[0]
r = list(range(5))
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
list(range(5))
d2 = gc.get_count()[0] - b
print('list_range', d1, d2)
r = None
gc.collect()
b = gc.get_count()[0]
r = tuple(L)
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
tuple(L)
d2 = gc.get_count()[0] - b
print('tuple_x', d1, d2)
r = None
gc.collect()
b = gc.get_count()[0]
r = set(L)
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
set(L)
d2 = gc.get_count()[0] - b
print('set_x', d1, d2)
r = None
gc.collect()
b = gc.get_count()[0]
r = frozenset(L)
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
frozenset(L)
d2 = gc.get_count()[0] - b
print('frozenset_x', d1, d2)
r = None
gc.collect()
b = gc.get_count()[0]
r = iter(L)
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
iter(L)
d2 = gc.get_count()[0] - b
print('iter', d1, d2)
r = None
gc.collect()
b = gc.get_count()[0]
r = range(5)
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
range(5)
d2 = gc.get_count()[0] - b
print('range', d1, d2)
r = None
gc.collect()
b = gc.get_count()[0]
r = str(5001)
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
str(5001)
d2 = gc.get_count()[0] - b
print('str_int', d1, d2)
r = None
gc.collect()
b = gc.get_count()[0]
r = repr(L)
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
repr(L)
d2 = gc.get_count()[0] - b
print('repr_list', d1, d2)
r = None
gc.collect()
b = gc.get_count()[0]
r = len(L)
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
len(L)
d2 = gc.get_count()[0] - b
print('len', d1, d2)
r = None
gc.collect()
b = gc.get_count()[0]
r = min(L)
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
min(L)
d2 = gc.get_count()[0] - b
print('min', d1, d2)
r = None
gc.collect()
b = gc.get_count()[0]
r = max(1, 2)
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
max(1, 2)
d2 = gc.get_count()[0] - b
print('max2', d1, d2)
r = None
gc.collect()
b = gc.get_count()[0]
r = sum(L)
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
sum(L)
d2 = gc.get_count()[0] - b
print('sum', d1, d2)
r = None
gc.collect()
b = gc.get_count()[0]
r = bool(L)
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
bool(L)
d2 = gc.get_count()[0] - b
print('bool', d1, d2)
r = None
gc.collect()
b = gc.get_count()[0]
r = abs(-5001)
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
abs(-5001)
d2 = gc.get_count()[0] - b
print('abs', d1, d2)
r = None
gc.collect()
b = gc.get_count()[0]
r = isinstance(L, list)
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
isinstance(L, list)
d2 = gc.get_count()[0] - b
print('isinstance', d1, d2)
r = None
gc.collect()
b = gc.get_count()[0]
r = any(L)
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
any(L)
d2 = gc.get_count()[0] - b
print('any', d1, d2)
r = None
gc.collect()
b = gc.get_count()[0]
r = all(L)
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
all(L)
d2 = gc.get_count()[0] - b
print('all', d1, d2)
r = None
gc.collect()
b = gc.get_count()[0]
r = divmod(7, 2)
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
divmod(7, 2)
d2 = gc.get_count()[0] - b
print('divmod', d1, d2)
r = None
gc.collect()
b = gc.get_count()[0]
r = round(2.5)
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
r = next(I)
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
next(I)
d2 = gc.get_count()[0] - b
print('next_iter', d1, d2)
r = None
gc.collect()
b = gc.get_count()[0]
r = type(L)
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
type(L)
d2 = gc.get_count()[0] - b
print('type', d1, d2)
r = None
gc.collect()
b = gc.get_count()[0]
r = getattr(L, 'append')
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
getattr(L, 'append')
d2 = gc.get_count()[0] - b
print('getattr', d1, d2)
r = None
gc.collect()
b = gc.get_count()[0]
r = [x for x in L]
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
[x for x in L]
d2 = gc.get_count()[0] - b
print('list_comp', d1, d2)
r = None
gc.collect()
b = gc.get_count()[0]
r = D.items()
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
D.items()
d2 = gc.get_count()[0] - b
print('dict_items', d1, d2)
r = None
gc.collect()
b = gc.get_count()[0]
r = list(D.items())
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
list(D.items())
d2 = gc.get_count()[0] - b
print('list_items', d1, d2)
r = None
gc.collect()
b = gc.get_count()[0]
r = iter(D)
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
iter(D)
d2 = gc.get_count()[0] - b
print('dict_keys_iter', d1, d2)
r = None
gc.collect()
b = gc.get_count()[0]
r = iter(S)
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
iter(S)
d2 = gc.get_count()[0] - b
print('set_iter', d1, d2)
r = None
gc.collect()
b = gc.get_count()[0]
r = iter(T)
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
iter(T)
d2 = gc.get_count()[0] - b
print('tuple_iter', d1, d2)
r = None
gc.collect()
b = gc.get_count()[0]
r = ','.join(['a', 'b'])
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
','.join(['a', 'b'])
d2 = gc.get_count()[0] - b
print('str_join', d1, d2)
r = None
gc.collect()
b = gc.get_count()[0]
r = format(5, 'd')
d1 = gc.get_count()[0] - b
r = None
gc.collect()
b = gc.get_count()[0]
format(5, 'd')
d2 = gc.get_count()[0] - b
print('format', d1, d2)
gc.collect()
b = gc.get_count()[0]
for i, x in enumerate(L):
    pass
d = gc.get_count()[0] - b
print('for_enumerate', d)
# enumerate and zip hand out the same result tuple again while nobody else holds it.
e = enumerate(L)
a = next(e)
first = id(a)
del a
b = next(e)
print('enumerate_recycled', id(b) == first, b)
c = next(e)
print('enumerate_kept', id(c) == first, b, c)
z = zip(L, T)
a = next(z)
first = id(a)
del a
b = next(z)
print('zip_recycled', id(b) == first, b, gc.is_tracked(b))
del b
gc.collect()
b = next(z)
print('zip_after_collect', b, gc.is_tracked(b))
# A dict items iterator keeps a result tuple to recycle too (di_result); dict
# views are reversible from 3.8.
gc.collect()
b = gc.get_count()[0]
it = iter(D.items())
print('iter_items', gc.get_count()[0] - b)
a = next(it)
first = id(a)
del a
b2 = next(it)
print('items_recycled', id(b2) == first, b2)
try:
    it = reversed(D.items())
    a = next(it)
    first = id(a)
    del a
    print('reversed_items_recycled', id(next(it)) == first)
except TypeError as e:
    print(e)
