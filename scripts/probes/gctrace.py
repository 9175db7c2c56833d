#!/usr/bin/env python3
"""Trace every change of gc.get_count()[0] of a CPython run under gdb.

What it measures: for one script and one pyenv interpreter, every GC
allocation (+1), every PyObject_GC_Del (-1) and every reset (collection) of
the generation-0 counter while __main__ is compiled and run, attributed to the
Python line/opcode and the C call chain that caused it; optionally also every
change of chosen free-list counters (list, dict, dictkeys, float, tupleN,
frame, method); and the free-list occupancy at the start of __main__.

The interpreter runs exactly like the oracle harness runs it: cwd = the
script's folder, the same clean environment, stdout a pipe (not a tty),
optionally with -S.  gdb only reads memory, so the counts are those of a
normal run (checked: the script's own printed get_count() values are the same
as without gdb).

Usage:
  gctrace.py VERSION SCRIPT.py [--no-site] [--watch list,dict,tuple1]
             [--out TRACE.jsonl] [--summary] [--lines A-B]

Output: JSON lines (one event per line) to --out, and a readable summary on
stdout.  Needs gdb with Python and the interpreter's debug info (pyenv builds
have it) and the interpreter's own pythonX.Y-gdb.py helper.
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PYENV = os.path.join(os.environ.get("PYENV_ROOT") or os.path.expanduser("~/.pyenv"), "versions")

GC_INTERNAL = {
    "_PyObject_GC_Link", "gc_alloc", "_PyObject_GC_Alloc", "_PyObject_GC_Malloc",
    "_PyObject_GC_Calloc", "_PyObject_GC_New", "_PyObject_GC_NewVar",
    "PyType_GenericAlloc", "_PyType_AllocNoTrack", "PyObject_GC_Del",
    "_PyObject_GC_Resize", "PyType_GenericAlloc~", "_PyType_AllocNoTrack~",
}


def find_python(version):
    exact = os.path.join(PYENV, version, "bin", "python")
    if os.path.exists(exact):
        return exact, version
    c = sorted(glob.glob(os.path.join(PYENV, version + "*", "bin", "python")))
    if not c:
        raise SystemExit("no interpreter for %s" % version)
    return c[-1], c[-1].split(os.sep)[-3]


def child_env():
    return {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": os.environ.get("HOME", "/"),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "PYTHONHASHSEED": "0",
        "PYTHONIOENCODING": "utf-8",
        "PYTHONDONTWRITEBYTECODE": "1",
    }


OPNAMES_SRC = r"""
import json, opcode
names = list(opcode.opname)
try:
    import dis
    if hasattr(dis, '_all_opname'):
        names = list(dis._all_opname)
except Exception:
    pass
sm = getattr(opcode, '_specialized_opmap', None)
if sm:
    for k, v in sm.items():
        while len(names) <= v:
            names.append(None)
        names[v] = k
print(json.dumps(names))
"""


def opnames(python):
    try:
        out = subprocess.check_output([python, "-S", "-c", OPNAMES_SRC], env=child_env())
        return out.decode().strip()
    except Exception:
        return "[]"


def run_trace(version, script, no_site=False, watch=(), out=None, cdepth=14, pydepth=4,
              args=(), snap_at=""):
    python, full = find_python(version)
    mm = ".".join(full.split(".")[:2])
    helper = os.path.join(PYENV, full, "bin", "python%s-gdb.py" % mm)
    script = os.path.abspath(script)
    if out is None:
        fd, out = tempfile.mkstemp(suffix=".jsonl")
        os.close(fd)
    env = child_env()
    genv = dict(env)
    genv.update({
        "GCTRACE_OUT": out,
        "GCTRACE_HELPER": helper if os.path.exists(helper) else "",
        "GCTRACE_VERSION": full,
        "GCTRACE_WATCH": ",".join(watch),
        "GCTRACE_OPNAMES": opnames(python),
        "GCTRACE_CDEPTH": str(cdepth),
        "GCTRACE_PYDEPTH": str(pydepth),
        "GCTRACE_SNAP_AT": snap_at,
    })
    cmd = ["gdb", "-q", "-nx", "-batch",
           "-iex", "set auto-load off",
           "-ex", "set pagination off",
           "-ex", "set confirm off",
           "-ex", "set print thread-events off",
           "-ex", "set print inferior-events off",
           "-ex", "set logging file " + os.environ.get("GCTRACE_GDBLOG", "/dev/null"),
           "-ex", "set logging redirect on",
           "-ex", "set logging enabled on",
           "-x", os.path.join(HERE, "gdb_gctrace.py")]
    for k in list(genv):
        if k.startswith("GCTRACE_"):
            cmd += ["-ex", "unset environment " + k]
    cmd += ["-ex", "unset environment LINES", "-ex", "unset environment COLUMNS",
            "-ex", "run", "--args", python] + (["-S"] if no_site else []) + [os.path.basename(script)] + list(args)
    p = subprocess.run(cmd, cwd=os.path.dirname(script), env=genv,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    events = []
    with open(out) as f:
        for line in f:
            line = line.strip()
            if line:
                events.append(json.loads(line))
    return {"version": full, "python": python, "no_site": no_site,
            "stdout": p.stdout.decode("utf-8", "replace"),
            "stderr": p.stderr.decode("utf-8", "replace"),
            "events": events, "trace_file": out}


def owner(cf):
    """C frames after the GC allocator internals (the real allocator/caller)."""
    res = [c for c in cf if c.rstrip("~") not in GC_INTERNAL]
    return res


def block_map(script):
    """line -> block name, from '# --- name' comments of generated probes."""
    m = {}
    cur = None
    try:
        with open(script) as f:
            for i, line in enumerate(f, 1):
                if line.startswith("# --- "):
                    cur = line[6:].split(":")[0].strip()
                m[i] = cur
    except OSError:
        pass
    return m


def summarise(res, lines=None, all_phases=False, width=5, script=None):
    out = []
    bmap = block_map(script) if script else {}
    cur_block = [None]
    for e in res["events"]:
        k = e.get("k")
        if k in ("armed", "main_start", "finalize"):
            out.append("## %s counts=%s freelists=%s" % (k, e.get("counts"), json.dumps(e.get("freelists"))))
            continue
        if k == "mark":
            py = e.get("py") or []
            loc = " < ".join("%s:%s" % (n, l) for n, l, o in py)
            out.append("%5d MARK @ %s counts=%s freelists=%s" % (e["seq"], loc, e.get("counts"), json.dumps(e.get("freelists"))))
            continue
        if k == "warn":
            out.append("## warn " + e["msg"])
            continue
        if not all_phases and e.get("ph") != "main":
            continue
        py = e.get("py") or []
        if bmap:
            mod = [p for p in py if p[0] in ("<module>", "<main>")][-1:]
            if mod and mod[0][1] in bmap and bmap[mod[0][1]] != cur_block[0]:
                cur_block[0] = bmap[mod[0][1]]
                out.append("### block %s" % cur_block[0])
        loc = " < ".join("%s:%s%s" % (n, l, ("[" + o + "]") if o else "") for n, l, o in py)
        if lines and py:
            ln = py[-1][1] if py else None
            # filter on the outermost (module-level) line
            mod = [p for p in py if p[0] in ("<module>", "<main>")][-1:]
            ln = mod[0][1] if mod else None
            if ln is None or not (lines[0] <= ln <= lines[1]):
                continue
        if k == "collect":
            out.append("%5d COLLECT gen=%s counts=%s  @ %s" % (e["seq"], e["gen"], e["counts"], loc))
        elif k == "fl":
            out.append("%5d   fl %-8s %s->%s (count %s)  @ %s  | %s" % (
                e["seq"], e["fl"], e["old"], e["numfree"], e["count"], loc,
                " < ".join(owner(e["c"])[:width])))
        else:
            sign = {"alloc": "+1", "free": "-1", "reset": "=0"}.get(k, k)
            t = (" " + e["type"]) if e.get("type") else ""
            if e.get("arg"):
                t += " " + e["arg"]
            out.append("%5d %s%s count=%s  @ %s  | %s" % (
                e["seq"], sign, t, e["count"], loc, " < ".join(owner(e["c"])[:width])))
    return "\n".join(out)


IMPORTLIB_FUNCS = ("_find_and_load", "_find_and_load_unlocked", "_load_unlocked",
                   "_call_with_frames_removed", "exec_module", "_find_spec", "find_spec",
                   "_get_spec", "module_from_spec", "_init_module_attrs", "_handle_fromlist",
                   "_gcd_import", "_load", "load_module", "get_code", "_path_importer_cache")


def collapse_imports(text):
    """Replace runs of trace lines that happen inside importlib (an `import`
    statement executing a module or the import machinery) by one summary line
    giving the number of events, the net count change and the final count.
    COLLECT lines are kept.  Keeps recorded traces readable and small."""
    import re
    out = []
    run = []

    def is_import(line):
        if " @ " not in line or "[import machinery:" in line:
            return False
        loc = line.split(" @ ", 1)[1].split("  | ")[0]
        names = [p.split(":")[0] for p in loc.split(" < ")]
        if len(names) > 1 and ("[IMPORT_NAME]" in loc.split(" < ")[-1]
                               or "[IMPORT_FROM]" in loc.split(" < ")[-1]):
            return True
        return any(n in IMPORTLIB_FUNCS for n in names[:-1]) or (
            len(names) > 1 and names[-1] == "<module>" and names[0] == "<module>" and len(names) > 2)

    def flush():
        if not run:
            return
        first, last = run[0], run[-1]
        c0 = re.search(r"count=(-?\d+)", first)
        c1 = re.search(r"count=(-?\d+)", last)
        seq0 = first.split()[0]
        seq1 = last.split()[0]
        loc = first.split(" @ ", 1)[1].split("  | ")[0].split(" < ")[-1]
        out.append("%5s..%s  [import machinery: %d count events collapsed, count %s -> %s]  @ ... < %s" % (
            seq0, seq1, len(run), c0.group(1) if c0 else "?", c1.group(1) if c1 else "?", loc))
        del run[:]

    for line in text.split("\n"):
        if is_import(line) and "COLLECT" not in line:
            run.append(line)
        else:
            flush()
            out.append(line)
    flush()
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("version")
    ap.add_argument("script")
    ap.add_argument("--no-site", action="store_true")
    ap.add_argument("--watch", default="")
    ap.add_argument("--out")
    ap.add_argument("--lines", help="only module lines A-B, e.g. 17-22")
    ap.add_argument("--all", action="store_true", help="also the compile phase")
    ap.add_argument("--width", type=int, default=5)
    ap.add_argument("--full", action="store_true", help="do not collapse import-machinery events")
    ap.add_argument("--show-stdout", action="store_true")
    ap.add_argument("--snap-at", default="", help="C functions whose calls record a free-list snapshot (e.g. gc_disable_impl)")
    ap.add_argument("--arg", action="append", default=[], help="argument passed to the script")
    a = ap.parse_args()
    watch = [w for w in a.watch.split(",") if w]
    if len(watch) > 3:
        raise SystemExit("at most 3 free-list watches (x86 has 4 debug registers, one is used for count[0])")
    res = run_trace(a.version, a.script, a.no_site, watch, a.out, args=a.arg, snap_at=a.snap_at)
    lines = None
    if a.lines:
        x, y = a.lines.split("-")
        lines = (int(x), int(y))
    print("# %s %s%s" % (res["version"], a.script, " -S" if a.no_site else ""))
    if not a.out:
        try:
            os.unlink(res["trace_file"])
        except OSError:
            pass
    text = summarise(res, lines, a.all, a.width, a.script)
    print(text if a.full else collapse_imports(text))
    if a.show_stdout:
        print("# --- stdout of the traced run")
        print(res["stdout"])
        if res["stderr"].strip():
            print("# --- stderr")
            print(res["stderr"])


if __name__ == "__main__":
    main()
