# The wording of errors that changed between versions (property without a
# setter or deleter, read-only attributes, division and modulo by zero, pow,
# int()/float() conversions, min() of nothing), and 3.8+'s compile-time
# SyntaxWarnings for calling or subscripting a literal.
class C:
    @property
    def p(self):
        return 1

def attempt(label, f):
    try:
        f()
        print(label, 'ok')
    except Exception as e:
        print(label, type(e).__name__ + ':', e)

c = C()
def set_p(): c.p = 2
def del_p(): del c.p
attempt('property_set', set_p)
attempt('property_del', del_p)
def set_real(): (5).real = 1
attempt('int_real_set', set_real)
def set_list_attr(): [].append = 1
attempt('list_method_set', set_list_attr)
def set_new_attr(): [].foo = 1
attempt('list_new_attr', set_new_attr)
attempt('int_floordiv', lambda: 1 // 0)
attempt('int_mod', lambda: 1 % 0)
attempt('int_div', lambda: 1 / 0)
attempt('int_divmod', lambda: divmod(1, 0))
attempt('float_floordiv', lambda: 1.0 // 0)
attempt('float_mod', lambda: 1.0 % 0)
attempt('float_div', lambda: 1.0 / 0)
attempt('float_divmod', lambda: divmod(1.0, 0))
attempt('int_zero_negpow', lambda: 0 ** -1)
attempt('float_zero_negpow', lambda: 0.0 ** -1)
attempt('pow3_negexp', lambda: pow(2, -1, 4))
attempt('pow3_zero_mod', lambda: pow(2, 3, 0))
attempt('pow3_float', lambda: pow(2.0, 3, 5))
attempt('int_from_str', lambda: int('x1'))
attempt('float_from_str', lambda: float('x1'))
attempt('int_from_none', lambda: int(None))
attempt('float_from_none', lambda: float(None))
attempt('big_float', lambda: float(10 ** 400))
attempt('int_inf', lambda: int(float('inf')))
attempt('int_nan', lambda: int(float('nan')))
attempt('shift_neg', lambda: 1 << -1)
attempt('round_inf', lambda: round(float('inf')))
attempt('chr_big', lambda: chr(0x110000))
attempt('str_plus_int', lambda: 'a' + 1)
attempt('int_plus_str', lambda: 1 + 'a')
attempt('list_index', lambda: [1].index(2))
attempt('tuple_index', lambda: (1,).index(2))
attempt('list_remove', lambda: [1].remove(2))
attempt('pop_empty', lambda: [].pop())
attempt('dict_popitem', lambda: {}.popitem())
attempt('set_pop', lambda: set().pop())
attempt('set_remove', lambda: set().remove(1))
attempt('min_empty', lambda: min([]))
attempt('unhashable', lambda: {[]: 1})
attempt('not_callable', lambda: 5())
attempt('not_subscriptable', lambda: 5[0])
attempt('not_iterable', lambda: iter(5))
attempt('len_int', lambda: len(5))
attempt('unpack_many', lambda: [(a, b) for a, b in [(1, 2, 3)]])
attempt('unpack_few', lambda: [(a, b, c) for a, b, c in [(1, 2)]])
attempt('hash_list', lambda: hash([]))
attempt('next_list', lambda: next([]))
attempt('neg_repeat_ok', lambda: [1] * -1)
attempt('index_str', lambda: [1]['a'])
attempt('str_index', lambda: 'abc'[10])
attempt('tuple_assign', lambda: (1,).__setitem__(0, 1))
attempt('abs_str', lambda: abs('a'))
attempt('sorted_mixed', lambda: sorted([1, 'a']))
attempt('compare', lambda: 1 < 'a')
attempt('dict_key', lambda: {}['k'])
attempt('getattr_none', lambda: None.foo)

# A failed store or delete releases its operands (STORE_ATTR, STORE_SUBSCR, DELETE_SUBSCR).
import sys
t = (1, 2)
k = [1]
v = [2]
d = {}
n = 10001
for i in range(2):
    try:
        t[0] = v
    except TypeError as e:
        print(e)
    try:
        d[k] = v
    except TypeError as e:
        print(e)
    try:
        del d[k]
    except TypeError as e:
        print(e)
    try:
        del t[0]
    except TypeError as e:
        print(e)
    try:
        del n[0]
    except TypeError as e:
        print(e)
    try:
        n.real = v
    except AttributeError as e:
        print(e)
    try:
        n.foo = v
    except AttributeError as e:
        print(e)
    print(sys.getrefcount(t), sys.getrefcount(k), sys.getrefcount(v), sys.getrefcount(d), sys.getrefcount(n))
