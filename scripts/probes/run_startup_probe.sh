#!/bin/sh
# Re-record test/calibration/startup_state.jsonl from the pyenv interpreters (with site, as the oracle runs them).
cd "$(dirname "$0")/../.." || exit 1
root="${PYENV_ROOT:-$HOME/.pyenv}/versions"
for v in 2.7.18 3.6.15 3.7.16 3.8.18 3.9.18 3.10.13 3.11.7 3.12.1 3.13.0; do
  [ -x "$root/$v/bin/python" ] && (cd /tmp && env -i PATH=/usr/bin:/bin HOME="$HOME" LANG=C.UTF-8 PYTHONHASHSEED=0 PYTHONIOENCODING=utf-8 PYTHONDONTWRITEBYTECODE=1 "$root/$v/bin/python" "$OLDPWD/scripts/probes/startup_state.py")
done > test/calibration/startup_state.jsonl
