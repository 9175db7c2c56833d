#!/usr/bin/env python3
"""Run one scenario under one CPython interpreter and emit normalised JSON.

PyGC Lab's copy of the shared oracle harness (oracle/run.py). The only change:
interpreter paths under $PYENV_ROOT are recorded as "$PYENV_ROOT/..." (as in
the recorded corpus), so results do not depend on the machine's home directory.
The normalisation here is mirrored by src/verify/normalize.ts: keep them in step.

Usage:
    run.py SCENARIO.py VERSION [--out FILE] [--no-site] [--timeout SEC] [--raw]

VERSION is a pyenv version ("3.11.7"), a prefix ("3.11", "2.7") or a path to
a python executable.

What is recorded (see README.md for the full field list):
  * stdout / stderr captured separately (gc debug output goes to stderr),
  * exit code,
  * a second, unbuffered run with stderr merged into stdout ("combined"),
    which shows how gc debug lines interleave with print() output,
  * normalisation: every hex literal (0x...) is replaced by @1, @2, ... in
    order of first appearance (stdout first, then stderr, one mapping per
    process run), "N.NNNNs elapsed" timings by "<T>s elapsed", and the
    absolute scenario directory (3.9+ tracebacks) by "<scenarios>/".
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys

PYENV_ROOT = os.environ.get("PYENV_ROOT") or os.path.expanduser("~/.pyenv")
PYENV = os.path.join(PYENV_ROOT, "versions")
HEX_RE = re.compile(r"\b0x[0-9a-fA-F]+\b")
ELAPSED_RE = re.compile(r"\d+\.\d+s elapsed")
REQ_RE = re.compile(r"^#\s*requires:\s*(\d+)\.(\d+)\s*(?:-\s*(\d+)\.(\d+))?", re.M)


def find_python(version):
    if os.path.sep in version and os.path.exists(version):
        return version
    cands = sorted(glob.glob(os.path.join(PYENV, version + "*", "bin", "python")))
    exact = os.path.join(PYENV, version, "bin", "python")
    if os.path.exists(exact):
        return exact
    if not cands:
        raise SystemExit("no interpreter for version %r" % version)
    return cands[-1]


def portable(path):
    """Write an interpreter path under $PYENV_ROOT as "$PYENV_ROOT/..."."""
    root = os.path.abspath(PYENV_ROOT).rstrip("/") + "/"
    if path.startswith(root):
        return "$PYENV_ROOT/" + path[len(root):]
    return path


def interp_version(python):
    out = subprocess.check_output(
        [python, "-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])"],
        env=child_env(False)).decode().strip()
    return out


def child_env(unbuffered):
    env = {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": os.environ.get("HOME", "/"),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "PYTHONHASHSEED": "0",
        "PYTHONIOENCODING": "utf-8",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    if unbuffered:
        env["PYTHONUNBUFFERED"] = "1"
    return env


def requirement(path):
    """Return ((min_major, min_minor), (max_major, max_minor) or None)."""
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read(4000)
    m = REQ_RE.search(text)
    if not m:
        return (3, 6), None
    lo = (int(m.group(1)), int(m.group(2)))
    hi = (int(m.group(3)), int(m.group(4))) if m.group(3) else None
    return lo, hi


def can_run(path, version_str):
    v = tuple(int(x) for x in version_str.split(".")[:2])
    lo, hi = requirement(path)
    if v < lo:
        return False
    if hi is not None and v > hi:
        return False
    return True


class Normaliser(object):
    def __init__(self, scenario_dir=None):
        self.map = {}
        self.scenario_dir = scenario_dir

    def sub(self, text):
        if self.scenario_dir:
            # 3.9+ tracebacks show the absolute path of __main__'s file
            text = text.replace(self.scenario_dir.rstrip("/") + "/", "<scenarios>/")
        def repl(m):
            key = m.group(0).lower()
            if key not in self.map:
                self.map[key] = "@%d" % (len(self.map) + 1)
            return self.map[key]
        text = HEX_RE.sub(repl, text)
        return ELAPSED_RE.sub("<T>s elapsed", text)


def run_once(python, scenario, args, timeout, merged):
    cmd = [python] + (["-S"] if args.no_site else []) + [os.path.basename(scenario)]
    try:
        p = subprocess.run(
            cmd,
            cwd=os.path.dirname(os.path.abspath(scenario)),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT if merged else subprocess.PIPE,
            env=child_env(merged),
            timeout=timeout,
        )
        rc = p.returncode
        out = p.stdout.decode("utf-8", "replace")
        err = "" if merged else p.stderr.decode("utf-8", "replace")
        timed_out = False
    except subprocess.TimeoutExpired as e:
        rc = None
        out = (e.stdout or b"").decode("utf-8", "replace")
        err = (e.stderr or b"").decode("utf-8", "replace") if not merged else ""
        timed_out = True
    return cmd, rc, out, err, timed_out


def run(scenario, version, args):
    python = find_python(version)
    full = interp_version(python)
    result = {
        "scenario": os.path.splitext(os.path.basename(scenario))[0],
        "version": full,
        "python": portable(python),
        "site": not args.no_site,
        "env": {k: v for k, v in child_env(False).items() if k.startswith("PYTHON")},
    }
    if not can_run(scenario, full):
        lo, hi = requirement(scenario)
        result["skipped"] = "requires %d.%d%s" % (
            lo[0], lo[1], ("-%d.%d" % hi) if hi else "+")
        return result

    cmd, rc, out, err, to = run_once(python, scenario, args, args.timeout, False)
    sdir = os.path.dirname(os.path.abspath(scenario))
    norm = Normaliser(sdir)
    result["argv"] = [portable(cmd[0])] + cmd[1:]
    result["exit_code"] = rc
    result["timed_out"] = to
    result["stdout"] = norm.sub(out)
    result["stderr"] = norm.sub(err)
    result["addresses"] = len(norm.map)

    # second run: stderr merged into stdout, unbuffered, to show interleaving
    _, rc2, out2, _, to2 = run_once(python, scenario, args, args.timeout, True)
    norm2 = Normaliser(sdir)
    result["combined"] = norm2.sub(out2)
    result["combined_exit_code"] = rc2
    # determinism check: stdout lines of the merged run (minus stderr lines)
    # should equal the separate run's stdout when nothing is address-ordered.
    result["stdout_lines"] = result["stdout"].splitlines()
    result["stderr_lines"] = result["stderr"].splitlines()
    if args.raw:
        result["raw_stdout"] = out
        result["raw_stderr"] = err
    return result


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("scenario")
    ap.add_argument("version")
    ap.add_argument("--out", help="write JSON here instead of stdout")
    ap.add_argument("--no-site", action="store_true", help="run with python -S")
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("--raw", action="store_true", help="also keep un-normalised output")
    args = ap.parse_args(argv)
    res = run(args.scenario, args.version, args)
    text = json.dumps(res, indent=1, sort_keys=False, ensure_ascii=False)
    if args.out:
        d = os.path.dirname(args.out)
        if d and not os.path.isdir(d):
            os.makedirs(d)
        with open(args.out, "w") as f:
            f.write(text + "\n")
    else:
        sys.stdout.write(text + "\n")


if __name__ == "__main__":
    main()
