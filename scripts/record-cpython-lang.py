#!/usr/bin/env python3
"""Record what real CPython says about the snippets in test/unit/fixtures/lang-cases.txt.

For each `### ast: NAME` case: ast.parse(SRC) dumped as JSON with positions.
For each `### error: NAME` case: the file is run as `python3 scenario.pygc`
(file mode, as a scenario would be) and both the SyntaxError's attributes and
the exact stderr are recorded.

Case syntax: a line `### ast: NAME` or `### error: NAME` starts a case; the
source is every line up to the next `###` line, each ending in "\n".  Flags in
the name: `[noeol]` drops the final newline, `[esc]` decodes Python escapes
(\\t, \\x00, \\u00a0 ...) in the source.

Also dumps the AST of every file in test/unit/fixtures/scenarios/ (the oracle
scenarios, copied from shared/oracle/scenarios) and test/unit/fixtures/article/
(the seed article's examples) as `ast` cases named after the file.

Usage: python3 scripts/record-cpython-lang.py   (run from the repository root)
Writes test/unit/fixtures/lang-cpython.json with the interpreter version.
"""
import ast, json, os, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CASES = os.path.join(ROOT, 'test', 'unit', 'fixtures', 'lang-cases.txt')
OUT = os.path.join(ROOT, 'test', 'unit', 'fixtures', 'lang-cpython.json')

HOOK = r'''
import sys, json, os
def _hook(t, e, tb):
    if isinstance(e, SyntaxError):
        with open(os.environ['PYGC_ERR_OUT'], 'w') as f:
            json.dump({'type': t.__name__, 'msg': e.msg, 'lineno': e.lineno, 'offset': e.offset,
                       'end_lineno': e.end_lineno, 'end_offset': e.end_offset, 'text': e.text}, f)
    sys.__excepthook__(t, e, tb)
sys.excepthook = _hook
'''

DROP = {'type_comment', 'type_ignores', 'returns', 'kind'}


def read_cases():
    cases, cur = [], None
    with open(CASES, encoding='utf-8', newline='') as f:
        for line in f:
            if line.startswith('### '):
                kind, _, name = line[4:].rstrip('\n').partition(': ')
                cur = {'kind': kind, 'name': name, 'lines': []}
                cases.append(cur)
            elif line.startswith('#-') and cur is None:
                continue
            elif cur is not None:
                cur['lines'].append(line if line.endswith('\n') else line + '\n')
    for c in cases:
        src = ''.join(c.pop('lines'))
        if '[noeol]' in c['name'] and src.endswith('\n'):
            src = src[:-1]
        if '[esc]' in c['name']:
            src = src.encode('latin-1', 'backslashreplace').decode('unicode_escape')
        c['src'] = src
    return cases


def file_cases():
    out = []
    for sub in ('scenarios', 'article'):
        d = os.path.join(ROOT, 'test', 'unit', 'fixtures', sub)
        for f in sorted(os.listdir(d)):
            if f.endswith('.py'):
                with open(os.path.join(d, f), encoding='utf-8', newline='') as fh:
                    out.append({'kind': 'ast', 'name': sub + '/' + f, 'src': fh.read()})
    return out


def const(v):
    if v is None:
        return {'type': 'None'}
    if v is Ellipsis:
        return {'type': 'Ellipsis'}
    if isinstance(v, bool):
        return {'type': 'bool', 'value': v}
    if isinstance(v, int):
        return {'type': 'int', 'value': str(v)}
    if isinstance(v, float):
        return {'type': 'float', 'value': repr(v)}
    if isinstance(v, complex):
        return {'type': 'complex', 'imag': repr(v.imag)}
    if isinstance(v, str):
        return {'type': 'str', 'value': v}
    if isinstance(v, bytes):
        return {'type': 'bytes', 'value': list(v)}
    raise TypeError(type(v))


def dump(node):
    if isinstance(node, list):
        return [dump(x) for x in node]
    if node is None or isinstance(node, (str, int)):
        return node
    if isinstance(node, ast.expr_context):
        return type(node).__name__
    if isinstance(node, (ast.operator, ast.unaryop, ast.cmpop, ast.boolop)):
        return type(node).__name__
    out = {'_type': type(node).__name__}
    for f in node._fields:
        if f in DROP or (isinstance(node, ast.arg) and f == 'annotation'):
            continue
        v = getattr(node, f, None)
        out[f] = const(v) if isinstance(node, ast.Constant) and f == 'value' else dump(v)
    for a in ('lineno', 'col_offset', 'end_lineno', 'end_offset', 'end_col_offset'):
        if hasattr(node, a):
            out[a] = getattr(node, a)
    return out


def run_error(src):
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, 'sitecustomize.py'), 'w') as f:
            f.write(HOOK)
        path = os.path.join(d, 'scenario.pygc')
        with open(path, 'wb') as f:
            f.write(src.encode('utf-8', 'surrogatepass'))
        env = dict(os.environ, PYTHONPATH=d, PYGC_ERR_OUT=os.path.join(d, 'err.json'),
                   PYTHONIOENCODING='utf-8', LANG='C.UTF-8')
        env.pop('PYTHONSTARTUP', None)
        p = subprocess.run([sys.executable, 'scenario.pygc'], cwd=d, env=env, capture_output=True)
        stderr = p.stderr.decode('utf-8', 'replace').replace(d + os.sep, '')
        try:
            with open(os.path.join(d, 'err.json')) as f:
                err = json.load(f)
        except FileNotFoundError:
            err = None
    return err, stderr, p.returncode


def main():
    out = []
    for c in read_cases() + file_cases():
        rec = {'kind': c['kind'], 'name': c['name'], 'src': c['src']}
        if c['kind'] == 'ast':
            try:
                rec['ast'] = dump(ast.parse(c['src'].encode('utf-8')))
                compile(c['src'].encode('utf-8'), 'scenario.pygc', 'exec')
            except SyntaxError as e:
                raise SystemExit('ast case %r does not compile: %s' % (c['name'], e))
        elif c['kind'] == 'error':
            err, stderr, rc = run_error(c['src'])
            rec['error'], rec['stderr'], rec['exit'] = err, stderr, rc
            if err is None:
                print('note: no SyntaxError for', c['name'], file=sys.stderr)
        else:
            raise SystemExit('unknown case kind %r' % c['kind'])
        out.append(rec)
    with open(OUT, 'w', encoding='utf-8') as f:
        json.dump({'python': sys.version.split()[0], 'generator': 'scripts/record-cpython-lang.py',
                   'cases': out}, f, ensure_ascii=False, indent=1)
        f.write('\n')
    print('%d cases recorded with Python %s -> %s' % (len(out), sys.version.split()[0], os.path.relpath(OUT, ROOT)))


if __name__ == '__main__':
    main()
