# Constant merging probe (run with each pyenv CPython 3.7+): how many references
# constants hold and which constants are the same object, per version.
# CPython 3.8+ merges equal constants across the whole module compilation
# (merge_consts_recursive over c_const_cache), tuple and frozenset items
# included; 3.7 shares them only within one code object's co_consts. Every
# occurrence in the source also holds a reference through the AST arena until
# the module has run. Usage: python const_merging.py
import sys
rc = sys.getrefcount

t1 = (4001, 4002, 4003)
print('tuple_item_literal', rc(4001))
t2 = (4101, 4102, 4103)
print('tuple_item_index', rc(t2[0]))
a1 = [1001, 1002, 1003]
print('list_item_literal', rc(1001))
a2 = [1101, 1102, 1103]
print('list_item_index', rc(a2[0]))
s1 = {1201, 1202, 1203}
print('set_item_literal', rc(1201))
a3 = [1301, 1302]
print('list2_item_index', rc(a3[0]))

def f():
    return (5001, 5002)
print('func_tuple_item_literal', rc(5001), rc(f()[1]))

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
print('cross_code', g() is x8, rc(x8))
y8 = 8001
print('same_code', x8 is y8)

for k in {9001, 9002, 9003}:
    pass
print('frozenset_iter', rc(9001), rc(k))
t9 = (1, True, 1.0)
print('key_types', t9[0] is t9[1], type(t9[2]).__name__)

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
print('standalone_first', t11[0] is x11, rc(x11))
w = 8401
w2 = w + 0
print('runtime_int', rc(w))
print('while', end=' ')
n = 0
while n < 8501:
    n += 8501
print(rc(8501))
