# Constants as CPython's compiler makes them: each occurrence in the source is
# an object the AST arena references until the module has run; a code object's
# co_consts holds each distinct constant once; 3.8+ merges equal constants
# across every code object of the module, the items of constant tuples and
# frozensets included (merge_consts_recursive), so a literal and an equal tuple
# item, or the constants of two functions, are one object (3.7: not shared).
import sys
import gc

rc = sys.getrefcount
t1 = (4001, 4002, 4003)
print('tuple_item', rc(4001), rc(t1[1]))
a1 = [1001, 1002, 1003]
print('list_item', rc(1001), rc(a1[1]))
s1 = {1201, 1202, 1203}
print('set_item', rc(1201))
a2 = [1301, 1302]
print('short_list', rc(a2[0]), rc(1302))

def f():
    return (5001, 5002)
print('function_tuple', rc(5001), rc(f()[1]), f() is f())

t3 = ((6001, 6002), 6003)
print('nested', rc(6001), rc(t3[0][1]), rc(t3[0]))
t4 = (6101, 6101, 6102)
print('repeated', rc(t4[0]), t4[0] is t4[1])
t5 = ('hello world', 'hello world', 'x y')
x5 = 'hello world'
print('strings', rc(t5[0]), t5[0] is t5[1], t5[0] is x5, rc(t5[2]))
t6 = (-7001, 7002)
x6 = -7001
print('negative', rc(t6[0]), t6[0] is x6, rc(-7002))
t7 = (1.5, 2.5)
print('float', rc(1.5), rc(t7[1]))

def g():
    return 8001
x8 = 8001
y8 = 8001
print('across_code', g() is x8, x8 is y8, rc(x8))

for k in {9001, 9002, 9003}:
    pass
print('frozenset_loop', rc(9001), rc(k))
t9 = (1, True, 1.0)
print('key_types', t9[0] is t9[1], t9[0] is t9[2])

def h():
    t = (8101, 8102)
    def inner():
        return (8101, 8102)
    return t, inner()
r = h()
print('inner_tuple', r[0] is r[1], rc(r[0]), rc(r[0][0]))
t10 = (8201, 8202)
u10 = (8201, 8202)
print('equal_tuples', t10 is u10, rc(t10))
x11 = 8301
t11 = (8301, 8302)
print('literal_first', t11[0] is x11, rc(x11))
n = 0
while n < 8501:
    n += 8501
print('while_test', rc(8501))
gc.collect()
print(gc.is_tracked(t1), gc.is_tracked(t3), gc.is_tracked(a1))
