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

Also dumps the AST of every file in test/oracle/scenarios/ (the oracle
scenarios, copied from shared/oracle/scenarios) and test/unit/fixtures/article/
(the seed article's examples) as `ast` cases named after the file.

Finally it makes `mutations`: seeded random one-edit changes of those files
(a token deleted, inserted or replaced, a line deleted, doubled, indented or
dedented) that CPython refuses, each stored as the edit plus CPython's error,
so that the tests can rebuild the source and compare messages and positions.

Usage: python3 scripts/record-cpython-lang.py [--mutations N]  (from the repository root)
Writes test/unit/fixtures/lang-cpython.json with the interpreter version.
"""
import ast, io, json, os, random, subprocess, sys, tempfile, tokenize, warnings

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
    dirs = {'scenarios': os.path.join(ROOT, 'test', 'oracle', 'scenarios'),
            'article': os.path.join(ROOT, 'test', 'unit', 'fixtures', 'article')}
    for sub, d in dirs.items():
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


INSERTS = ['(', ')', '[', ']', '{', '}', ':', ',', '=', '==', '.', 'if', 'else', 'def', 'class', 'return',
           'x', '1', "'s'", '*', '**', 'lambda', 'not', 'in', 'for', 'del', 'pass', '    ', '\t', ';', '+',
           '@', 'yield', 'import', 'from', 'as', 'global', ':=', '->', 'print', '"', "'''", '0x', '1_']


def apply_edit(src, e):
    """The edit format shared with test/unit/lang.test.ts."""
    lines = src.split('\n')
    k = e['line'] - 1
    if e['op'] == 'delete-line':
        del lines[k]
    elif e['op'] == 'double-line':
        lines.insert(k, lines[k])
    elif e['op'] == 'indent-line':
        lines[k] = e['text'] + lines[k]
    elif e['op'] == 'dedent-line':
        lines[k] = lines[k].lstrip()
    else:  # replace columns [start, end) of the line with text
        lines[k] = lines[k][:e['start']] + e['text'] + lines[k][e['end']:]
    return '\n'.join(lines)


def mutations(files, n, seed=2024):
    rnd = random.Random(seed)
    out = []
    tries = 0
    while len(out) < n and tries < n * 50:
        tries += 1
        f = rnd.choice(files)
        src = f['src']
        lines = src.split('\n')
        toks = [t for t in tokenize.generate_tokens(io.StringIO(src).readline)
                if t.string.strip() and t.start[0] == t.end[0]]
        t = rnd.choice(toks)
        (r, c), (_, ec) = t.start, t.end
        op = rnd.random()
        if op < 0.08:
            e = {'op': 'delete-line', 'line': rnd.randrange(len(lines)) + 1}
        elif op < 0.14:
            e = {'op': 'double-line', 'line': rnd.randrange(len(lines)) + 1}
        elif op < 0.2:
            e = {'op': 'indent-line', 'line': rnd.randrange(len(lines)) + 1, 'text': rnd.choice(['  ', '    ', '\t', ' '])}
        elif op < 0.26:
            e = {'op': 'dedent-line', 'line': rnd.randrange(len(lines)) + 1}
        elif op < 0.45:
            e = {'op': 'replace', 'line': r, 'start': c, 'end': ec, 'text': ''}
        elif op < 0.8:
            e = {'op': 'replace', 'line': r, 'start': c, 'end': c, 'text': rnd.choice(INSERTS) + ' '}
        else:
            e = {'op': 'replace', 'line': r, 'start': c, 'end': ec, 'text': rnd.choice(INSERTS)}
        m = apply_edit(src, e)
        try:
            compile(m.encode('utf-8'), 'scenario.pygc', 'exec')
            continue
        except SyntaxError:
            pass
        except Exception:
            continue
        err, stderr, rc = run_error(m)
        if err is None:
            continue
        e['file'] = f['name']
        out.append({'kind': 'mutation', 'name': 'mutation %d' % len(out), 'edit': e, 'error': err, 'stderr': stderr})
    return out


def main():
    warnings.simplefilter('ignore')
    n_mut = 600
    if '--mutations' in sys.argv:
        n_mut = int(sys.argv[sys.argv.index('--mutations') + 1])
    out = []
    files = file_cases()
    for c in read_cases() + files:
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
    out.extend(mutations(files, n_mut))
    with open(OUT, 'w', encoding='utf-8') as f:
        json.dump({'python': sys.version.split()[0], 'generator': 'scripts/record-cpython-lang.py',
                   'cases': out}, f, ensure_ascii=False, separators=(',', ':'))
        f.write('\n')
    print('%d cases recorded with Python %s -> %s' % (len(out), sys.version.split()[0], os.path.relpath(OUT, ROOT)))


if __name__ == '__main__':
    main()
