#!/usr/bin/env python3
"""Probe: what compiling __main__ and the first imports leave on CPython 2.7's
dict and list free lists (kept by gc.collect() in 2.7, so they decide when the
first automatic collection comes in an allocation loop).

For each variant a scenario is generated: optional `from __future__ import
print_function`, `import gc, sys` (+ an optional extra import), then K blocks
that never run (inside `if S[0]:`): sibling defs, nested defs, classes,
lambdas, generator expressions, list or dict comprehensions. It then creates
dicts (or lists) one by one and prints how many came from the free list
(gc.get_count()[0] did not rise). Two lists (K, S) are made before counting.

Run with python3; it runs each variant on the 2.7 interpreter (argv[1] or
pyenv's 2.7), with and without -S, in the oracle's clean environment, and
prints `variant: free (site) / free (-S)`. The simulator's model of these
numbers is src/engine/py2/compilefree.ts and src/engine/py2/imports.ts;
`--engine` runs the same variants through `node dist/cli.js run --python 2.7`.
"""
import glob
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BLOCK = {
    'def': lambda j: ['    def f%d():' % j, '        pass'],
    'class': lambda j: ['    class C%d(object):' % j, '        pass'],
    'lambda': lambda j: ['    x%d = lambda: 0' % j],
    'genexp': lambda j: ['    x%d = (y for y in S)' % j],
    'listcomp': lambda j: ['    x%d = [y for y in S]' % j],
    'dictcomp': lambda j: ['    x%d = {y: 1 for y in S}' % j],
}


def scenario(k, future, kind, measure, extra_import):
    src = []
    if future:
        src.append('from __future__ import print_function')
    src.append('import gc, sys')
    if extra_import:
        src.append('import ' + extra_import)
    src += ['gc.disable()', 'K = [None] * 100', 'S = [0] * 100', 'if S[0]:']
    for j in range(k):
        if kind == 'nested':
            src.append('    ' * (j + 1) + 'def f%d():' % j)
        else:
            src += BLOCK[kind](j)
    if kind == 'nested' and k:
        src.append('    ' * (k + 1) + 'pass')
    src.append('    pass')
    make = '{}' if measure == 'dict' else '[]'
    src += ['c0 = gc.get_count()[0]', 'i = 0', 'while i < 90:', '    K[i] = ' + make,
            '    S[i] = gc.get_count()[0] - c0', '    i = i + 1',
            'i = 0', 'while S[i] == 0:', '    i = i + 1', "sys.stdout.write('%d\\n' % i)"]
    return '\n'.join(src) + '\n'


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    engine = '--engine' in sys.argv
    if args:
        py = args[0]
    else:
        root = os.environ.get('PYENV_ROOT', os.path.expanduser('~/.pyenv'))
        py = sorted(glob.glob(os.path.join(root, 'versions', '2.7*', 'bin', 'python')))[-1]
    env = {'PATH': os.environ.get('PATH', ''), 'PYTHONHASHSEED': '0', 'LANG': 'C.UTF-8',
           'PYTHONIOENCODING': 'utf-8', 'PYTHONDONTWRITEBYTECODE': '1'}
    variants = []
    for measure in ('dict', 'list'):
        for future in (False, True):
            for kind in ('def', 'nested', 'class', 'lambda', 'genexp', 'listcomp', 'dictcomp'):
                for k in (0, 1, 2, 4):
                    variants.append((k, future, kind, measure, ''))
    for extra in ('weakref', 'time'):
        variants.append((4, True, 'nested', 'dict', extra))
    variants.append((7, True, 'nested', 'dict', ''))  # the 80-entry cap
    tmp = tempfile.mkdtemp(prefix='py27cf')
    path = os.path.join(tmp, 'cf.py')
    for v in variants:
        with open(path, 'w') as f:
            f.write(scenario(*v))
        runs = [[py, path], [py, '-S', path]]
        if engine:
            runs.append(['node', os.path.join(ROOT, 'dist', 'cli.js'), 'run', path, '--python', '2.7'])
        outs = [subprocess.run(r, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               universal_newlines=True).stdout.strip() for r in runs]
        outs = [o if o.isdigit() else 'unsupported' for o in outs]  # the engine refuses genexps, 2.7 list comps
        k, future, kind, measure, extra = v
        name = '%s free, %s%s x%d%s' % (measure, 'future, ' if future else '', kind, k, ', import ' + extra if extra else '')
        print('%s: %s' % (name, ' / '.join(outs)))


if __name__ == '__main__':
    main()
