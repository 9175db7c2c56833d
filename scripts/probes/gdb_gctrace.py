# gdb-side half of the GC allocation tracer (loaded by gctrace.py; runs inside
# gdb's own Python, not inside the traced interpreter).
#
# What it measures: every change of the traced interpreter's gen-0 counter
# (gc.get_count()[0]) while __main__ runs, with
#   * the kind of change: +1 (GC allocation), -1 (PyObject_GC_Del), reset to 0
#     (a collection), other;
#   * the C call chain that made it (newest first, up to the eval loop);
#   * the Python stack (innermost first: "func:line") and, where it can be
#     read, the opcode being executed;
#   * for deallocations, the type name of the freed object;
#   * optional hardware watchpoints on free-list counters (list, dict, tuple
#     sizes), so that recycling through a free list (which never touches the
#     counter) is visible too;
#   * snapshots of all free-list occupancies at the start of __main__ (after
#     compilation, at the first PyEval_EvalCode), and at interpreter shutdown.
# The traced process is not modified: gdb only reads memory at each stop.
#
# Configuration comes from the environment of gdb (GCTRACE_*), which is
# removed from the inferior's environment before it starts.
import gdb
import json
import os

OUT = os.environ["GCTRACE_OUT"]
HELPER = os.environ.get("GCTRACE_HELPER")          # pythonX.Y-gdb.py
VERSION = tuple(int(x) for x in os.environ["GCTRACE_VERSION"].split(".")[:2])
WATCH = [w for w in os.environ.get("GCTRACE_WATCH", "").split(",") if w]
OPNAMES = json.loads(os.environ.get("GCTRACE_OPNAMES", "[]"))
MAXC = int(os.environ.get("GCTRACE_CDEPTH", "14"))
PYSTACK = int(os.environ.get("GCTRACE_PYDEPTH", "4"))

if HELPER:
    gdb.execute("source " + HELPER)
    import __main__ as _lp   # libpython helpers are defined in gdb's __main__
    # the helper caps every read at 1000 items (line tables of long scripts are
    # longer): lift the cap, and cache line lookups per code object.
    _lp.safety_limit = lambda val: min(val, 10 ** 7)
    _orig_addr2line = _lp.PyCodeObjectPtr.addr2line
    _a2l_cache = {}

    def _cached_addr2line(self, addrq):
        try:
            key = (int(self._gdbval), int(self.field("co_firstlineno")),
                   int(self.field("co_linetable" if VERSION >= (3, 10) else "co_lnotab")), addrq)
        except Exception:
            return _orig_addr2line(self, addrq)
        if key not in _a2l_cache:
            _a2l_cache[key] = _orig_addr2line(self, addrq)
        return _a2l_cache[key]
    _lp.PyCodeObjectPtr.addr2line = _cached_addr2line
else:
    _lp = None

out = open(OUT, "w")


def emit(obj):
    out.write(json.dumps(obj) + "\n")
    out.flush()


def ev(expr):
    return gdb.parse_and_eval(expr)


def first_expr(cands):
    for c in cands:
        try:
            v = ev(c)
            int(v.address) if v.address is not None else int(v)
            return c
        except Exception:
            continue
    return None


# ---------------------------------------------------------------- locations
INTERP_CANDS = ["_PyRuntime.interpreters.main", "interp_head"]
if VERSION >= (3, 9):
    GC = "_PyRuntime.interpreters.main->gc"
elif VERSION >= (3, 7):
    GC = "_PyRuntime.gc"
else:
    GC = None


def count_expr(i):
    if GC:
        return "%s.generations[%d].count" % (GC, i)
    return "'gcmodule.c'::generations[%d].count" % i


def interp():
    return "_PyRuntime.interpreters.main" if VERSION >= (3, 7) else "interp_head"


def freelist_exprs():
    """name -> gdb expression of an int counter (or list of them)."""
    I = interp()
    d = {}
    if VERSION >= (3, 13):
        F = I + "->object_state.freelists"
        d["list"] = F + ".lists.numfree"
        d["dict"] = F + ".dicts.numfree"
        d["dictkeys"] = F + ".dictkeys.numfree"
        d["float"] = F + ".floats.numfree"
        d["tuple"] = [F + ".tuples.numfree[%d]" % i for i in range(20)]
        d["slice"] = "(%s.slices.slice_cache != 0)" % F
        d["context"] = F + ".contexts.numfree"
    elif VERSION >= (3, 11):
        d["list"] = I + "->list.numfree"
        d["dict"] = I + "->dict_state.numfree"
        d["dictkeys"] = I + "->dict_state.keys_numfree"
        d["float"] = I + "->float_state.numfree"
        d["tuple"] = [I + "->tuple.numfree[%d]" % i for i in range(20)]
        d["slice"] = "(%s->slice_cache != 0)" % I
        d["context"] = I + "->context.numfree"
    elif VERSION >= (3, 10):
        d["list"] = I + "->list.numfree"
        d["dict"] = I + "->dict_state.numfree"
        d["dictkeys"] = I + "->dict_state.keys_numfree"
        d["float"] = I + "->float_state.numfree"
        d["tuple"] = [I + "->tuple.numfree[%d]" % i for i in range(20)]
        d["frame"] = I + "->frame.numfree"
        d["slice"] = "(%s->slice_cache != 0)" % I
        d["context"] = I + "->context.numfree"
    else:
        # module statics (3.9 moved some into the interpreter; try both)
        d["list"] = ["'listobject.c'::numfree"]
        d["dict"] = ["'dictobject.c'::numfree"]
        d["dictkeys"] = ["'dictobject.c'::numfreekeys"]
        d["tuple"] = ["'tupleobject.c'::numfree[%d]" % i for i in range(20)]
        d["float"] = ["'floatobject.c'::numfree"]
        d["frame"] = ["'frameobject.c'::numfree"]
        if VERSION <= (3, 8):       # bound-method / builtin-method free lists (gone in 3.9)
            d["method"] = ["'classobject.c'::numfree"]
            d["cfunction"] = ["'methodobject.c'::numfree"]
        d["slice"] = ["('sliceobject.c'::slice_cache != 0)"]
    return d


def tuple_index(size):
    """numfree[] index of tuples of this size: size-1 in 3.11+ (sizes 1..20),
    size in <=3.10 (index 0 = the empty-tuple singleton, sizes 1..19)."""
    return size - 1 if VERSION >= (3, 11) else size


def tuple_sizes():
    return range(1, 21) if VERSION >= (3, 11) else range(0, 20)


def read_int(e):
    try:
        return int(ev(e))
    except Exception:
        return None


def freelist_snapshot():
    snap = {}
    for k, e in freelist_exprs().items():
        if k == "tuple":
            snap[k] = dict((str(sz), read_int(e[tuple_index(sz)])) for sz in tuple_sizes())
        elif isinstance(e, list):
            v = None
            for x in e:
                v = read_int(x)
                if v is not None:
                    break
            snap[k] = v
        else:
            snap[k] = read_int(e)
    return snap


def counts():
    return [read_int(count_expr(i)) for i in range(3)]


# ---------------------------------------------------------------- python stack
def tstate():
    cands = []
    if VERSION >= (3, 11):
        cands.append("_PyRuntime.interpreters.main->threads.head")
    elif VERSION >= (3, 7):
        cands.append("_PyRuntime.interpreters.main->tstate_head")
    else:
        cands.append("interp_head->tstate_head")
    for c in cands:
        try:
            v = ev(c)
            if int(v) != 0:
                return v
        except Exception:
            pass
    return None


def py_frames():
    """Innermost first list of (name, line, opname)."""
    res = []
    ts = tstate()
    if ts is None or _lp is None:
        return res
    try:
        if VERSION >= (3, 11):
            if VERSION >= (3, 13):
                f = ts["current_frame"]
            else:
                f = ts["cframe"]["current_frame"]
            n = 0
            last = None
            while int(f) != 0 and n < 200:
                n += 1
                pf = _lp.PyFramePtr(f)
                shim = False
                try:
                    shim = pf.is_shim()
                except Exception:
                    pass
                if not shim:
                    last = f
                    if len(res) < PYSTACK:
                        try:
                            name = pf.co_name.proxyval(set())
                        except Exception:
                            name = "?"
                        res.append([name, pf.current_line_num(), opname_311(f)])
                        last = None
                f = f["previous"]
            if last is not None:
                pf = _lp.PyFramePtr(last)
                res.append(["<main>", pf.current_line_num(), opname_311(last)])
        else:
            f = ts["frame"]
            n = 0
            last = None
            while int(f) != 0 and n < 200:
                n += 1
                last = f
                if len(res) < PYSTACK:
                    pf = _lp.PyFrameObjectPtr.from_pyobject_ptr(f)
                    try:
                        name = pf.co_name.proxyval(set())
                    except Exception:
                        name = "?"
                    res.append([name, pf.current_line_num(), opname_old(f)])
                    last = None
                f = f["f_back"]
            if last is not None:
                pf = _lp.PyFrameObjectPtr.from_pyobject_ptr(last)
                res.append(["<main>", pf.current_line_num(), opname_old(last)])
    except Exception as e:
        res.append(["<err %s>" % e, None, None])
    return res


def opname_of(code):
    if code is None:
        return None
    if 0 <= code < len(OPNAMES) and OPNAMES[code]:
        return OPNAMES[code]
    return "op%d" % code


def opname_311(f):
    try:
        if VERSION >= (3, 13):
            p = f["instr_ptr"]
        else:
            p = f["prev_instr"]
        word = int(p.dereference())
        return opname_of(word & 0xff)
    except Exception:
        return None


def opname_old(f):
    try:
        lasti = int(f["f_lasti"])
        code = f["f_code"]["co_code"]
        if VERSION >= (3, 10):
            lasti *= 2   # 3.10 f_lasti counts code units
        data = code.cast(gdb.lookup_type("PyBytesObject").pointer())["ob_sval"]
        if VERSION < (3, 0):
            data = code.cast(gdb.lookup_type("PyStringObject").pointer())["ob_sval"]
        b = int(data[lasti]) & 0xff
        return opname_of(b)
    except Exception:
        return None


# ---------------------------------------------------------------- C stack
STOP_AT = ("_PyEval_EvalFrameDefault", "PyEval_EvalFrameEx", "_PyEval_EvalFrame")
SKIP_NAMES = ()


def c_frames():
    names = []
    try:
        f = gdb.newest_frame()
    except gdb.error:
        return names
    while f is not None and len(names) < MAXC:
        n = f.name() or "??"
        if n in STOP_AT:
            break
        if f.type() == gdb.INLINE_FRAME:
            n = n + "~"     # inlined
        names.append(n)
        try:
            f = f.older()
        except gdb.error:
            break
    return names


def type_name_of(ptrval):
    try:
        o = ptrval.cast(gdb.lookup_type("PyObject").pointer())
        t = o["ob_type"]
        return t["tp_name"].string()
    except Exception:
        return None


def freed_type():
    """Type of the object being freed in PyObject_GC_Del (read 'op')."""
    try:
        f = gdb.newest_frame()
        for _ in range(3):
            if f is None:
                break
            if (f.name() or "") == "PyObject_GC_Del":
                try:
                    return type_name_of(f.read_var("op"))
                except Exception:
                    return None
            f = f.older()
    except Exception:
        pass
    return None


SIZED = ("PyTuple_New", "PyList_New", "tuple_alloc", "_PyTuple_FromArray",
         "_PyTuple_FromArraySteal", "PyTuple_Pack")


def alloc_arg():
    """Size argument of the tuple/list constructor that allocated, if readable."""
    try:
        f = gdb.newest_frame()
        n = 0
        while f is not None and n < 8:
            nm = f.name() or ""
            if nm in SIZED:
                for var in ("size", "n"):
                    try:
                        return "%s(%d)" % (nm, int(f.read_var(var)))
                    except Exception:
                        continue
                return None
            f = f.older()
            n += 1
    except Exception:
        pass
    return None


# ---------------------------------------------------------------- breakpoints
state = {"armed": False, "last": None, "seq": 0, "phase": "compile",
         "fl_last": None}


class CountWatch(gdb.Breakpoint):
    def stop(self):
        if not state["armed"]:
            return False
        new = read_int(count_expr(0))
        old = state["last"]
        state["last"] = new
        if old is None or new == old:
            return False
        state["seq"] += 1
        d = new - old
        cf = c_frames()
        if new == 0 and cf and cf[0].rstrip("~") in ("gc_collect_main", "collect", "collect.constprop.0",
                                                     "collect.constprop.1"):
            d = None            # the reset at the start of a collection (even from 1)
        if d == 1:
            kind = "alloc"
        elif d == -1:
            kind = "free"
        elif new == 0:
            kind = "reset"
        else:
            kind = "jump"
        rec = {"seq": state["seq"], "ph": state["phase"], "k": kind,
               "count": new, "old": old, "py": py_frames(), "c": cf}
        if kind == "free":
            rec["type"] = freed_type()
        elif kind == "alloc":
            a = alloc_arg()
            if a:
                rec["arg"] = a
        emit(rec)
        return False


class FreeListWatch(gdb.Breakpoint):
    def __init__(self, name, expr):
        self.fl_name = name
        self.fl_expr = expr
        self.fl_last = read_int(expr)
        gdb.Breakpoint.__init__(self, addr_spec(expr), gdb.BP_WATCHPOINT,
                                gdb.WP_WRITE, internal=False)

    def stop(self):
        if not state["armed"]:
            return False
        new = read_int(self.fl_expr)
        old = self.fl_last
        self.fl_last = new
        if new == old:
            return False
        state["seq"] += 1
        emit({"seq": state["seq"], "ph": state["phase"], "k": "fl",
              "fl": self.fl_name, "numfree": new, "old": old,
              "count": read_int(count_expr(0)),
              "py": py_frames(), "c": c_frames()})
        return False


class CollectBP(gdb.Breakpoint):
    def stop(self):
        if not state["armed"]:
            return False
        try:
            g = int(gdb.newest_frame().read_var("generation"))
        except Exception:
            g = None
        state["seq"] += 1
        emit({"seq": state["seq"], "ph": state["phase"], "k": "collect",
              "gen": g, "counts": counts(), "py": py_frames(),
              "c": c_frames()[1:6]})
        return False


watchers = []


def addr_spec(expr):
    v = ev(expr)
    return "*(%s *) %d" % (str(v.type.strip_typedefs()), int(v.address))


def arm():
    if state["armed"]:
        return
    state["armed"] = True
    state["last"] = read_int(count_expr(0))
    emit({"k": "armed", "counts": counts(), "freelists": freelist_snapshot()})
    wp = CountWatch(addr_spec(count_expr(0)), gdb.BP_WATCHPOINT, gdb.WP_WRITE)
    watchers.append(wp)
    exprs = freelist_exprs()
    for w in WATCH:
        if w.startswith("tuple"):
            i = int(w[5:])
            e = exprs["tuple"][tuple_index(i)]
        else:
            e = exprs[w]
            if isinstance(e, list):
                e = e[0]
        try:
            watchers.append(FreeListWatch(w, e))
        except Exception as ex:
            emit({"k": "warn", "msg": "cannot watch %s: %s" % (w, ex)})


class MainFileBP(gdb.Breakpoint):
    """The interpreter starts running the main script file."""
    def stop(self):
        state["in_main_file"] = True
        return False


class RunModBP(gdb.Breakpoint):
    """run_mod of the main file: arm the counter watch (compile phase)."""
    def stop(self):
        if state.get("in_main_file") and not state["armed"] and state["phase"] == "compile":
            arm()
        return False


class EvalCodeBP(gdb.Breakpoint):
    """First PyEval_EvalCode after arming = start of __main__ execution."""
    def stop(self):
        if state["armed"] and state["phase"] == "compile":
            state["phase"] = "main"
            emit({"k": "main_start", "counts": counts(),
                  "freelists": freelist_snapshot()})
        return False


class MarkBP(gdb.Breakpoint):
    """abs(...) called from the traced script = 'snapshot here' marker."""
    def stop(self):
        if state["armed"] and state["phase"] == "main":
            state["seq"] += 1
            emit({"seq": state["seq"], "k": "mark", "ph": "main", "counts": counts(),
                  "freelists": freelist_snapshot(), "py": py_frames()})
        return False


class FinalizeBP(gdb.Breakpoint):
    def stop(self):
        if state["armed"] and state["phase"] != "fini":
            state["phase"] = "fini"
            emit({"k": "finalize", "counts": counts(),
                  "freelists": freelist_snapshot()})
            for w in watchers:
                w.enabled = False
            state["armed"] = False
        return False


gdb.execute("set breakpoint pending on")
RUNMOD = os.environ.get("GCTRACE_RUNMOD", "run_mod")
if os.environ.get("GCTRACE_MARK", "1") == "1":
    MarkBP("builtin_abs", internal=True)
for _fn in [x for x in os.environ.get("GCTRACE_SNAP_AT", "").split(",") if x]:
    MarkBP(_fn, internal=True)       # e.g. gc_disable_impl: snapshot at gc.disable()
MainFileBP("_PyRun_SimpleFileObject" if VERSION >= (3, 10) else "PyRun_SimpleFileExFlags",
           internal=True)
RunModBP(RUNMOD, internal=True)
EvalCodeBP("PyEval_EvalCode", internal=True)
FinalizeBP("Py_FinalizeEx" if VERSION >= (3, 6) else "Py_Finalize", internal=True)
if VERSION >= (3, 10):
    CollectBP("gc_collect_main", internal=True)
else:
    CollectBP("collect", internal=True)
