#!/usr/bin/env python3
"""Re-run the calibration probes on real interpreters and rewrite the recorded
outputs under test/calibration/.

What it runs (each probe's header comment says what it measures):
  * in-process probes (plain Python, run exactly like the oracle harness:
    cwd = scripts/probes, clean env with PYTHONHASHSEED=0, stdout a pipe),
    once normally and once with -S:
        ops_common.py, ops_py3.py (3.6+), print_buffering.py, gc_types.py,
        freelist_start.py KIND     (KIND = list, dict, t1..t20)
        freelist_capacity.py KIND  (KIND = list, dict, t1, t3, t19, t20, t21)
    -> test/calibration/<probe>/<version>.json
  * gdb traces (gctrace.py) of oracle scenarios and of some probes:
    every change of gc.get_count()[0] with its Python line and C caller,
    and free-list snapshots at the start of __main__.
    -> test/calibration/gctrace_<name>/<version>.txt  (+ -S variants *.nosite.txt)

Usage:
  run_probes.py [--versions 3.11.7,3.12.1] [--only ops_common,freelist_start]
                [--gctrace] [--gctrace-only] [--scenarios 08,23,...]

Needs: pyenv interpreters under $PYENV_ROOT/versions (or ~/.pyenv), and for
--gctrace gdb with Python support plus the interpreters' debug info.
"""
import argparse
import glob
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(ROOT, "test", "calibration")
SCEN = os.path.join(ROOT, "test", "oracle", "scenarios")
PYENV = os.path.join(os.environ.get("PYENV_ROOT") or os.path.expanduser("~/.pyenv"), "versions")
VERSIONS = ["2.7.18", "3.6.15", "3.7.16", "3.8.18", "3.9.18", "3.10.13", "3.11.7", "3.12.1", "3.13.0"]

sys.path.insert(0, HERE)
import gctrace  # noqa: E402

TUPLE_KINDS = ["t%d" % i for i in range(1, 21)]
PROBES = {
    # name: (min version, list of argument vectors)
    "ops_common": ((2, 7), [[]]),
    "ops_py3": ((3, 6), [[]]),
    "print_buffering": ((2, 7), [[]]),
    "gc_types": ((2, 7), [[]]),
    "freelist_start": ((2, 7), [[k] for k in ["list", "dict"] + TUPLE_KINDS]),
    "freelist_capacity": ((2, 7), [[k] for k in ["list", "dict", "t1", "t3", "t19", "t20", "t21"]]),
}
# gdb traces: name -> (script path, extra gctrace options)
DEFAULT_SCENARIOS = ["06", "08", "23", "24", "25", "27", "46", "47", "50", "64", "68"]


HEX_RE = None


def normalise(text):
    """Replace every 0x... address by @1, @2, ... (in order of appearance), as
    the oracle harness does, so that re-runs give identical recordings."""
    import re
    global HEX_RE
    if HEX_RE is None:
        HEX_RE = re.compile(r"\b0x[0-9a-fA-F]+\b")
    seen = {}

    def repl(m):
        k = m.group(0).lower()
        if k not in seen:
            seen[k] = "@%d" % (len(seen) + 1)
        return seen[k]
    return HEX_RE.sub(repl, text)


def vtuple(v):
    return tuple(int(x) for x in v.split(".")[:2])


def python_of(v):
    p = os.path.join(PYENV, v, "bin", "python")
    if not os.path.exists(p):
        raise SystemExit("no interpreter %s" % p)
    return p


def run_one(python, script, args, no_site):
    cmd = [python] + (["-S"] if no_site else []) + [os.path.basename(script)] + args
    p = subprocess.run(cmd, cwd=os.path.dirname(script), env=gctrace.child_env(),
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)
    return {"argv": cmd[1:], "exit_code": p.returncode,
            "stdout": normalise(p.stdout.decode("utf-8", "replace")),
            "stderr": normalise(p.stderr.decode("utf-8", "replace"))}


def full_version(python):
    return subprocess.check_output(
        [python, "-c", "import sys; print('%d.%d.%d' % sys.version_info[:3]); print(sys.version)"],
        env=gctrace.child_env()).decode().strip().splitlines()


def run_probe(name, version):
    lo, argvs = PROBES[name]
    if vtuple(version) < lo:
        return None
    python = python_of(version)
    script = os.path.join(HERE, name + ".py")
    fv = full_version(python)
    rec = {"probe": name, "version": fv[0], "sys_version": fv[1], "python": python,
           "env": {k: v for k, v in gctrace.child_env().items() if k.startswith("PYTHON")},
           "stdout_is": "pipe", "runs": []}
    for args in argvs:
        for no_site in (False, True):
            r = run_one(python, script, args, no_site)
            r["site"] = not no_site
            rec["runs"].append(r)
    d = os.path.join(OUT, name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, version + ".json"), "w") as f:
        json.dump(rec, f, indent=1, ensure_ascii=False)
        f.write("\n")
    return name, version


def scenario_min_version(path):
    import re
    with open(path) as f:
        m = re.search(r"^#\s*requires:\s*(\d+)\.(\d+)", f.read(4000), re.M)
    return (int(m.group(1)), int(m.group(2))) if m else (3, 6)


def trace_targets(scenarios, version):
    t = []
    for s in scenarios:
        m = sorted(glob.glob(os.path.join(SCEN, s + "_*.py")))
        if m and vtuple(version) >= scenario_min_version(m[0]):
            t.append(("gctrace_" + os.path.splitext(os.path.basename(m[0]))[0], m[0], {}))
    t.append(("gctrace_ops_common", os.path.join(HERE, "ops_common.py"), {}))
    t.append(("gctrace_print_buffering", os.path.join(HERE, "print_buffering.py"), {"watch": ["list"]}))
    t.append(("gctrace_freelist_start_list", os.path.join(HERE, "freelist_start.py"),
              {"args": ["list"], "snap_at": "gc_disable_impl"}))
    return t


# -S traces are kept only where start-up state matters (or to show that it
# does not): the first-statement scenarios, S68 (2.7 differs with -S) and the
# free-list probe.
NOSITE_TRACES = ("gctrace_08_seed_e_get_count", "gctrace_64_py2_seed_e_get_count",
                 "gctrace_68_py2_auto_threshold", "gctrace_freelist_start_list")


def run_trace(name, script, opts, version, no_site):
    if no_site and name not in NOSITE_TRACES:
        return None
    res = gctrace.run_trace(version, script, no_site, opts.get("watch", []),
                            args=opts.get("args", []), snap_at=opts.get("snap_at", ""))
    text = ["# gctrace of %s on CPython %s%s (gdb, stdout a pipe, PYTHONHASHSEED=0)" % (
        os.path.basename(script), res["version"], " with -S" if no_site else ""),
        "# format: seq  +1/-1/=0 [type or size]  count=<count[0] after>  @ python stack "
        "(innermost first, func:line[opcode])  | C callers (innermost first, ~ = inlined)",
        "# 'fl NAME a->b' = free-list occupancy change (hardware watchpoint); "
        "'COLLECT gen=g counts=[...]' = a collection starts (counts before the reset)",
        gctrace.collapse_imports(gctrace.summarise(res, None, False, 6, script)),
        "# --- stdout of the traced run", normalise(res["stdout"]).rstrip()]
    if res["stderr"].strip():
        text += ["# --- stderr of the traced run", normalise(res["stderr"]).rstrip()]
    try:
        os.unlink(res["trace_file"])
    except OSError:
        pass
    d = os.path.join(OUT, name)
    os.makedirs(d, exist_ok=True)
    fn = version + (".nosite" if no_site else "") + ".txt"
    with open(os.path.join(d, fn), "w") as f:
        f.write("\n".join(text) + "\n")
    return name, version, no_site


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--versions", default=",".join(VERSIONS))
    ap.add_argument("--only", default="", help="comma list of probe names")
    ap.add_argument("--gctrace", action="store_true", help="also run the gdb traces")
    ap.add_argument("--gctrace-only", action="store_true")
    ap.add_argument("--trace-versions", default="3.11.7", help="versions for the gdb traces")
    ap.add_argument("--scenarios", default=",".join(DEFAULT_SCENARIOS))
    ap.add_argument("--no-site-traces", action="store_true",
                    help="also trace with -S (only for the names in NOSITE_TRACES)")
    ap.add_argument("--jobs", type=int, default=2)
    a = ap.parse_args()
    versions = [v for v in a.versions.split(",") if v]
    only = [x for x in a.only.split(",") if x]
    jobs = []
    with ThreadPoolExecutor(a.jobs) as ex:
        if not a.gctrace_only:
            for name in PROBES:
                if only and name not in only:
                    continue
                for v in versions:
                    jobs.append(ex.submit(run_probe, name, v))
        if a.gctrace or a.gctrace_only:
            for v in [x for x in a.trace_versions.split(",") if x]:
                for name, script, opts in trace_targets([s for s in a.scenarios.split(",") if s], v):
                    if only and name not in only:
                        continue
                    for ns in ((False, True) if a.no_site_traces else (False,)):
                        jobs.append(ex.submit(run_trace, name, script, opts, v, ns))
        for j in jobs:
            r = j.result()
            if r:
                print("done", *r)


if __name__ == "__main__":
    main()
