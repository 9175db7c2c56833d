#!/usr/bin/env python3
"""Generate the per-operation probes ops_common.py (2.7 and 3.x) and ops_py3.py
(3.6+ syntax) from the table below.  The generated files are committed; edit
this table and re-run `python3 make_ops_probes.py` to change them.

Every block of a generated probe measures one Python-level operation OP:

    gc.collect()                 # count[0] = 0; in 3.x all list/dict/tuple free lists emptied
    gc.get_count()               # park one 3-tuple so that the readings below are free
    c0 = gc.get_count()[0]
    OP(1)
    c1 = gc.get_count()[0]
    OP(2)
    c2 = gc.get_count()[0]
    OP(3)
    c3 = gc.get_count()[0]
    R.append((name, c1 - c0, c2 - c1, c3 - c2))

so d1 is the change of gc.get_count()[0] caused by the first execution of OP
right after a full collection ("cold": empty free lists in 3.x), d2 and d3 by
the second and third executions ("warm": whatever OP(1) parked in the free
lists is reused).  `{k}` in an op is replaced by 1, 2, 3.  Setup code runs
before the gc.collect() of its block, so its allocations are not counted.
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))

PRELUDE = '''\
from __future__ import print_function
import gc, sys, weakref
gc.disable()
R = []
G = 0
HAS_STATS = hasattr(gc, 'get_stats')
HAS_CALLBACKS = hasattr(gc, 'callbacks')
v1 = 5
s = 'x' * 5
fl = 1.5
big = 10 ** 30
L = [1, 2, 3]
T = (1, 2)


class A(object):
    def m(self):
        return None

    @classmethod
    def cm(cls):
        return None


class B(object):
    def __init__(self):
        self.x = 1


class B2(object):
    def __init__(self, a, b):
        self.a = a
        self.b = b


class S(object):
    __slots__ = ('a',)


class D(object):
    def __del__(self):
        pass


class E(object):
    def __del__(self):
        raise ValueError('boom')


class Old:
    pass


def f0():
    return None


def f0b():
    return None


def f2(a, b):
    return None


def fv(*a):
    return None


def fk(**k):
    return None


def fd(a, b=1):
    return None


def boom():
    raise ValueError('x')


def mk_closure():
    z = 1

    def inner():
        return z
    return inner


def g_set():
    global G
    G = 1


def cb(r):
    return None


def rec(n):
    if n:
        return rec(n - 1)
    return None

'''

# (name, setup, op, note).  op may span several lines; {k} -> 1, 2, 3.
COMMON = [
    # one-time effects first, in this order (they happen once per process)
    ("repr_first_in_process", "", "v = repr([1])", "Py_ReprEnter: thread-state dict + 'Py_Repr' list, created once"),
    ("print_first_in_process", "", "print('p{k}')", "first print: clinic kwtuple, pending_bytes list"),
    ("print_1arg", "", "print('a{k}')", ""),
    ("print_2args", "", "print('a', 'b{k}')", ""),
    ("print_3args", "", "print('a', 'b', 'c{k}')", ""),
    ("print_sep_end", "", "print('a', 'b{k}', sep='-', end='\\n')", ""),
    ("print_noargs", "", "print()", ""),
    ("print_stderr", "", "print('e{k}', file=sys.stderr)", "stderr is line buffered? (3.9+: always)"),
    ("list_empty", "", "x{k} = []", ""),
    ("list_3", "", "x{k} = [1, 2, 3]", ""),
    ("list_nested2", "", "x{k} = [[], []]", ""),
    ("dict_empty", "", "x{k} = {}", ""),
    ("dict_1", "", "x{k} = {'a': 1}", ""),
    ("dict_kwcall", "", "x{k} = dict(a=1)", ""),
    ("set_empty", "", "x{k} = set()", ""),
    ("set_display", "", "x{k} = {v1}", ""),
    ("tuple_2_runtime", "", "x{k} = (v1, v1)", ""),
    ("tuple_3_runtime", "", "x{k} = (v1, v1, v1)", ""),
    ("tuple_const", "", "x{k} = (1, 2)", ""),
    ("tuple_from_list", "", "x{k} = tuple(L)", ""),
    ("int_big", "", "x{k} = big + {k}", ""),
    ("float_mul", "", "x{k} = fl * {k}.0", ""),
    ("str_concat", "", "x{k} = s + 'abc{k}'", ""),
    ("object_plain", "", "x{k} = object()", ""),
    ("inst_plain", "", "x{k} = A()", ""),
    ("inst_init", "", "x{k} = B()", "__init__ sets one attribute"),
    ("inst_init_args", "", "x{k} = B2(1, 2)", ""),
    ("inst_slots", "", "x{k} = S()", ""),
    ("inst_oldstyle", "", "x{k} = Old()", "old-style class in 2.7"),
    ("attr_first", "o1 = A(); o2 = A(); o3 = A()", "o{k}.y = 1", ""),
    ("attr_second", "o1 = A(); o2 = A(); o3 = A(); o1.y = o2.y = o3.y = 1", "o{k}.z = 2", ""),
    ("getattr", "o1 = A(); o1.y = 1", "v = getattr(o1, 'y')", ""),
    ("setattr", "o1 = A(); o1.y = 1", "setattr(o1, 'y', {k})", ""),
    ("vars_call", "o1 = A(); o2 = A(); o3 = A(); o1.y = o2.y = o3.y = 1", "vd{k} = vars(o{k})", ""),
    ("dunder_dict", "o1 = A(); o2 = A(); o3 = A(); o1.y = o2.y = o3.y = 1", "vd{k} = o{k}.__dict__", ""),
    ("type_name", "o1 = A()", "v = type(o1).__name__", ""),
    ("isinstance", "o1 = A()", "v = isinstance(o1, A)", ""),
    ("del_inst", "x1 = A(); x2 = A(); x3 = A()", "del x{k}", ""),
    ("del_inst_with_attr", "x1 = A(); x2 = A(); x3 = A(); x1.y = x2.y = x3.y = 1", "del x{k}", ""),
    ("del_inst_with___del__", "x1 = D(); x2 = D(); x3 = D()", "del x{k}", "__del__ runs via refcount"),
    ("del_inst___del___raises", "x1 = E(); x2 = E(); x3 = E()", "del x{k}", "stderr: Exception ignored"),
    ("del_list", "x1 = []; x2 = []; x3 = []", "del x{k}", ""),
    ("del_dict", "x1 = {}; x2 = {}; x3 = {}", "del x{k}", ""),
    ("del_tuple", "x1 = (v1, v1); x2 = (v1, v1); x3 = (v1, v1)", "del x{k}", ""),
    ("call_f0", "", "f0()", "first call of f0 in the process"),
    ("call_f0_again", "", "f0()", "f0 already called before"),
    ("call_f2", "", "f2(1, 2)", ""),
    ("call_varargs", "", "fv(1, 2)", ""),
    ("call_kwargs", "", "fk(a=1)", ""),
    ("call_default_kw", "", "fd(1, b=2)", ""),
    ("call_recursive3", "", "rec(3)", ""),
    ("method_call", "o1 = A()", "o1.m()", ""),
    ("bound_method_kept", "o1 = A()", "bm{k} = o1.m", ""),
    ("classmethod_call", "", "A.cm()", ""),
    ("builtin_len", "", "v = len(L)", ""),
    ("builtin_id", "o1 = A()", "v = id(o1)", ""),
    ("hex_id", "o1 = A()", "v = hex(id(o1))", ""),
    ("str_hex_id", "o1 = A()", "v = str(hex(id(o1)))", ""),
    ("str_int", "", "v = str(123456)", ""),
    ("repr_list", "", "v = repr(L)", ""),
    ("str_tuple", "", "v = str(T)", ""),
    ("str_inst", "o1 = A()", "v = str(o1)", ""),
    ("sys_getrefcount", "o1 = A()", "v = sys.getrefcount(o1)", ""),
    ("gc_isenabled", "", "v = gc.isenabled()", ""),
    ("gc_get_count_kept", "", "v = gc.get_count()", ""),
    ("gc_get_count_discarded", "", "gc.get_count()", ""),
    ("gc_get_threshold", "", "v = gc.get_threshold()", ""),
    ("gc_set_threshold", "", "gc.set_threshold(700, 10, 10)", ""),
    ("gc_is_tracked", "o1 = A()", "v = gc.is_tracked(o1)", ""),
    ("gc_get_stats", "", "v = gc.get_stats()", ""),
    ("gc_collect0_result", "", "v = gc.collect(0)", "count right after a gen-0 collection (reset to 0)"),
    ("gc_collect_with_callback", "gc.callbacks.append(cb2)", "v = gc.collect(0)", "callbacks: info dicts"),
    ("sorted_list", "", "v = sorted(L)", ""),
    ("range_obj", "", "v = range(3)", ""),
    ("for_range", "", "for i in range(3):\n    pass", ""),
    ("for_list", "", "for i in L:\n    pass", ""),
    ("for_tuple", "", "for i in T:\n    pass", ""),
    ("while_3", "", "i = 0\nwhile i < 3:\n    i = i + 1", ""),
    ("listcomp", "", "v = [i for i in L]", ""),
    ("dictcomp", "", "v = dict((i, i) for i in L)", ""),
    ("genexpr_sum", "", "v = sum(i for i in L)", ""),
    ("lambda_def", "", "fn{k} = lambda: 1", ""),
    ("def_stmt", "", "def fx{k}():\n    return None", ""),
    ("closure_make", "", "fc{k} = mk_closure()", "cell + closure tuple + function"),
    ("class_def_empty", "", "class CC{k}(object):\n    pass", ""),
    ("class_def_method", "", "class CM{k}(object):\n    def m(self):\n        return None", ""),
    ("class_def_oldstyle", "", "class CO{k}:\n    pass", "old-style in 2.7"),
    ("try_except_pass", "", "try:\n    raise ValueError\nexcept ValueError:\n    pass", ""),
    ("try_except_as", "", "try:\n    raise ValueError('m')\nexcept ValueError as e:\n    pass", ""),
    ("try_except_from_call", "", "try:\n    boom()\nexcept ValueError:\n    pass", "traceback + materialised frame"),
    ("try_no_raise", "", "try:\n    v = 1\nexcept ValueError:\n    pass", ""),
    ("weakref_same_referent", "o1 = A()", "w{k} = weakref.ref(o1)", ""),
    ("weakref_new_referent", "o1 = A(); o2 = A(); o3 = A()", "w{k} = weakref.ref(o{k})", ""),
    ("weakref_with_cb", "o1 = A(); o2 = A(); o3 = A()", "w{k} = weakref.ref(o{k}, cb)", ""),
    ("weakref_cb_on_death", "p1 = A(); p2 = A(); p3 = A(); w1 = weakref.ref(p1, cb); w2 = weakref.ref(p2, cb); w3 = weakref.ref(p3, cb)", "del p{k}", "callback runs"),
    ("import_again", "", "import sys", ""),
    ("global_in_func", "", "g_set()", ""),
    ("unpack_tuple", "", "a, b = T", ""),
    ("swap", "a = 1; b = 2", "a, b = b, a", ""),
    ("list_append", "L2 = []", "L2.append({k})", ""),
    ("del_slice", "L3 = [1, 2, 3, 4, 5, 6]", "del L3[:1]", ""),
    ("slice_copy", "", "v = L[:]", ""),
    ("pct_single_value", "", "v = '%s' % v1", ""),
    ("pct_tuple_1_s", "", "v = '%s' % (v1,)", ""),
    ("pct_tuple_1_d", "", "v = '%d' % (v1,)", ""),
    ("pct_tuple_2_s", "", "v = '%s %s' % (v1, v1)", ""),
    ("pct_tuple_2_d", "", "v = '%d %d' % (v1, v1)", ""),
    ("pct_s_of_list", "", "v = '%s' % L", ""),
    ("pct_s_of_tuple", "", "v = '%s' % (T,)", ""),
    ("pct_s_of_get_count", "", "v = 'c = %s' % (gc.get_count(),)", ""),
    ("str_format_method", "", "v = '{}'.format(v1)", ""),
    ("str_join", "", "v = ','.join(['a', 'b'])", ""),
    ("dict_items", "d = {'a': 1}", "v = d.items()", ""),
    ("list_of_dict", "d = {'a': 1}", "v = list(d)", ""),
]

PY3 = [
    ("fstring_int", "", "v = f'{v1}'", ""),
    ("fstring_list", "", "v = f'{L}'", ""),
    ("fstring_tuple", "", "v = f'{T}'", ""),
    ("fstring_two", "", "v = f'{v1} {v1}'", ""),
    ("nonlocal_closure", "", "fc{k} = mk_nl()", ""),
    ("kwonly_call", "", "fko(1, b=2)", ""),
    ("star_unpack_call", "", "fv(*L)", ""),
    ("starstar_call", "d = {'a': 1}", "fk(**d)", ""),
    ("list_unpack_display", "", "v = [*L]", ""),
    ("super_call", "o1 = Sub()", "o1.m()", ""),
]

PY3_PRELUDE = '''

def mk_nl():
    z = 1

    def inner():
        nonlocal z
        z = z + 1
        return z
    return inner


def fko(a, *, b):
    return None


class Base:
    def m(self):
        return None


class Sub(Base):
    def m(self):
        return super().m()

'''

TRAILER = '''
# ---------------------------------------------------------------- report
gc.enable()
sys.stdout.flush()
print('# columns: name d1 d2 d3  (delta of gc.get_count()[0] for the 1st/2nd/3rd execution after gc.collect())')
for r in R:
    if r[1] is None:
        print('%s = n/a' % r[0])
    else:
        print('%s = %d %d %d' % r)
'''


# names the ops/setups bind; dropped before each block so that a block never
# frees (and thereby uncounts) an object made by an earlier block.
RESET = ("x1 = x2 = x3 = v = vd1 = vd2 = vd3 = w1 = w2 = w3 = bm1 = bm2 = bm3 = "
         "fn1 = fn2 = fn3 = fc1 = fc2 = fc3 = o1 = o2 = o3 = p1 = p2 = p3 = None")


GUARDS = {"gc_get_stats": "HAS_STATS", "gc_collect_with_callback": "HAS_CALLBACKS"}


def block(name, setup, op, note):
    if name in GUARDS:
        inner = block_body(name, setup, op, note).strip("\n").split("\n")
        head, body = inner[0], inner[1:]
        out = ["", head, "if %s:" % GUARDS[name]]
        out += ["    " + l if l else l for l in "\n".join(body).split("\n")]
        out += ["else:", "    R.append(('%s', None, None, None))" % name]
        return "\n".join(out) + "\n"
    return block_body(name, setup, op, note)


def block_body(name, setup, op, note):
    lines = ["", "# --- %s%s" % (name, (": " + note) if note else "")]
    lines.append(RESET)
    if setup:
        for part in setup.split("; "):
            lines.append(part)
    if name == "gc_collect_with_callback":
        lines.insert(2, "def cb2(phase, info):\n    return None")
    lines.append("gc.collect()")
    lines.append("gc.get_count()")
    lines.append("c0 = gc.get_count()[0]")
    for k in (1, 2, 3):
        lines.append(op.replace("{k}", str(k)))
        lines.append("c%d = gc.get_count()[0]" % k)
    lines.append("R.append(('%s', c1 - c0, c2 - c1, c3 - c2))" % name)
    if name == "gc_collect_with_callback":
        lines.append("gc.callbacks.remove(cb2)")
    return "\n".join(lines) + "\n"


HEADER = '''\
# GENERATED by make_ops_probes.py -- do not edit by hand.
# Probe: hidden GC allocations per Python-level operation.
# What it measures: for each operation, the change of gc.get_count()[0] caused
# by its 1st, 2nd and 3rd execution right after a full gc.collect() (which
# resets count[0] and, in 3.x, empties the list/dict/tuple free lists).  A
# positive number = GC allocations not matched by PyObject_GC_Del; objects
# taken from / parked in a free list do not count.  gc is disabled, so no
# automatic collection interferes.  Output: "name = d1 d2 d3" lines at the end
# (after whatever the operations themselves print).
# Run with stdout redirected to a pipe or file (print's buffering matters).
'''


def write(path, prelude, table, extra_header=""):
    src = HEADER + extra_header + prelude
    for t in table:
        src += block(*t)
    src += TRAILER
    with open(path, "w") as f:
        f.write(src)


def main():
    write(os.path.join(HERE, "ops_common.py"), PRELUDE, COMMON,
          "# Runs on 2.7 and 3.x (print_function, class X(object)).\n")
    write(os.path.join(HERE, "ops_py3.py"), PRELUDE.replace(
        "from __future__ import print_function\n", "") + PY3_PRELUDE, PY3,
          "# requires: 3.6 (f-strings, nonlocal, keyword-only arguments).\n")


if __name__ == "__main__":
    main()
