#!/usr/bin/env python3
"""Run every scenario under every interpreter; write OUTDIR/<scenario>/<version>.json.

PyGC Lab's copy of the shared oracle harness (oracle/run_all.py), with
--scenarios (any folder of *.py / *.pygc scenarios) and defaults inside the repo:
  scenarios: test/oracle/scenarios
  outdir:    test/oracle/results   (test/oracle/results-nosite with --no-site)
The file name is the interpreter's full version ("3.11.7"), so --versions may
also take prefixes ("3.11") or interpreter paths.

Usage: run_all.py [--scenarios DIR] [--outdir DIR] [--only PATTERN]
                  [--versions 3.11.7,3.12.1] [--no-site] [--jobs N] [--timeout S]
"""
import argparse
import concurrent.futures
import glob
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import run as runner  # noqa: E402

VERSIONS = ["2.7.18", "3.6.15", "3.7.16", "3.8.18", "3.9.18",
            "3.10.13", "3.11.7", "3.12.1", "3.13.0"]


def one(scn, ver, no_site, outdir, timeout):
    class A(object):
        pass
    args = A()
    args.no_site = no_site
    args.timeout = timeout
    args.raw = False
    res = runner.run(scn, ver, args)
    name = os.path.splitext(os.path.basename(scn))[0]
    d = os.path.join(outdir, name)
    if not os.path.isdir(d):
        os.makedirs(d)
    with open(os.path.join(d, res["version"] + ".json"), "w") as f:
        json.dump(res, f, indent=1, ensure_ascii=False)
        f.write("\n")
    return name, res["version"], res.get("skipped") or res.get("exit_code")


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scenarios", default=os.path.join(REPO, "test", "oracle", "scenarios"),
                    help="folder of scenarios (*.py, *.pygc)")
    ap.add_argument("--outdir", default=None,
                    help="result tree (default test/oracle/results or results-nosite)")
    ap.add_argument("--only", default="", help="substring of the scenario file name")
    ap.add_argument("--versions", default=",".join(VERSIONS))
    ap.add_argument("--no-site", action="store_true", help="run with python -S")
    ap.add_argument("--jobs", type=int, default=4)
    ap.add_argument("--timeout", type=float, default=60.0)
    a = ap.parse_args()
    outdir = a.outdir or os.path.join(
        REPO, "test", "oracle", "results-nosite" if a.no_site else "results")
    sdir = os.path.abspath(a.scenarios)
    scns = sorted(glob.glob(os.path.join(sdir, "*.py")) + glob.glob(os.path.join(sdir, "*.pygc")))
    if a.only:
        scns = [s for s in scns if a.only in os.path.basename(s)]
    if not scns:
        raise SystemExit("no scenarios in %s" % sdir)
    vers = [v for v in a.versions.split(",") if v]
    with concurrent.futures.ThreadPoolExecutor(a.jobs) as ex:
        futs = [ex.submit(one, s, v, a.no_site, outdir, a.timeout) for s in scns for v in vers]
        for fu in concurrent.futures.as_completed(futs):
            name, ver, status = fu.result()
            if status not in (0,) and not isinstance(status, str):
                print("%-40s %-8s exit=%s" % (name, ver, status))
    print("done: %d scenarios x %d versions -> %s" % (len(scns), len(vers), outdir))


if __name__ == "__main__":
    main()
