#!/usr/bin/env node
// Generates syntaxes/pygc.tmLanguage.json, the TextMate grammar of the scenario
// language, from readable regular expressions (String.raw, no JSON escaping).
// `node scripts/gen-grammar.mjs` writes it; `--check` exits 1 when the file is
// out of date (the grammar tests run this). Scopes end in `.pygc`; constructs
// outside the supported subset are `invalid.illegal.unsupported.pygc`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'syntaxes', 'pygc.tmLanguage.json');
const r = String.raw;
const words = (list) => list.join('|');
const ID = r`[A-Za-z_][A-Za-z0-9_]*`;
const UNSUPPORTED = 'invalid.illegal.unsupported.pygc';

// The modules a scenario may import, and what the engine offers in them.
const MODULES = ['gc', 'sys', 'weakref', 'time', '__future__'];
const GC_FUNCTIONS = ['collect', 'enable', 'disable', 'isenabled', 'get_count', 'get_threshold', 'set_threshold',
  'get_debug', 'set_debug', 'get_stats', 'is_tracked', 'is_finalized', 'get_objects', 'get_referents',
  'get_referrers', 'freeze', 'unfreeze', 'get_freeze_count'];
const GC_CONSTANTS = ['DEBUG_STATS', 'DEBUG_COLLECTABLE', 'DEBUG_UNCOLLECTABLE', 'DEBUG_SAVEALL', 'DEBUG_LEAK',
  'DEBUG_INSTANCES', 'DEBUG_OBJECTS'];
const GC_VARIABLES = ['garbage', 'callbacks'];
const SYS_FUNCTIONS = ['getrefcount', 'getsizeof', 'getrecursionlimit', 'setrecursionlimit', 'intern', 'exit',
  'is_finalizing', 'exc_info'];
const SYS_VARIABLES = ['stdout', 'stderr', 'version_info', 'version', 'maxsize', 'platform', 'argv'];
const WEAKREF_FUNCTIONS = ['ref', 'ReferenceType', 'getweakrefcount', 'getweakrefs'];
const WEAKREF_UNSUPPORTED = ['finalize', 'proxy', 'WeakValueDictionary', 'WeakKeyDictionary', 'WeakSet', 'WeakMethod'];
const TIME_FUNCTIONS = ['time', 'sleep', 'perf_counter', 'monotonic', 'process_time'];

const BUILTIN_FUNCTIONS = ['print', 'len', 'repr', 'ascii', 'id', 'hex', 'oct', 'bin', 'abs', 'isinstance',
  'issubclass', 'getattr', 'setattr', 'delattr', 'hasattr', 'vars', 'callable', 'chr', 'ord', 'any', 'all', 'min',
  'max', 'sum', 'sorted', 'round', 'divmod', 'pow', 'format', 'iter', 'next', 'hash', 'globals', 'locals'];
const BUILTIN_TYPES = ['int', 'float', 'str', 'bool', 'list', 'tuple', 'dict', 'set', 'frozenset', 'object', 'type',
  'range', 'enumerate', 'zip', 'reversed', 'map', 'filter', 'super', 'property', 'staticmethod', 'classmethod',
  'bytes', 'slice', 'complex'];
const BUILTIN_REFUSED = ['input', 'open', 'exec', 'eval', 'compile', '__import__', 'breakpoint', 'exit', 'quit'];
const EXCEPTIONS = ['BaseException', 'SystemExit', 'KeyboardInterrupt', 'GeneratorExit', 'Exception',
  'StopIteration', 'ArithmeticError', 'FloatingPointError', 'OverflowError', 'ZeroDivisionError', 'AssertionError',
  'AttributeError', 'BufferError', 'EOFError', 'ImportError', 'ModuleNotFoundError', 'LookupError', 'IndexError',
  'KeyError', 'MemoryError', 'NameError', 'UnboundLocalError', 'OSError', 'ReferenceError', 'RuntimeError',
  'NotImplementedError', 'RecursionError', 'SyntaxError', 'IndentationError', 'TabError', 'SystemError',
  'TypeError', 'ValueError', 'UnicodeError', 'Warning', 'UserWarning', 'DeprecationWarning', 'RuntimeWarning',
  'ResourceWarning'];
const MAGIC_METHODS = ['init', 'new', 'repr', 'str', 'eq', 'ne', 'lt', 'le', 'gt', 'ge', 'hash', 'bool', 'len',
  'iter', 'next', 'contains', 'getitem', 'setitem', 'delitem', 'getattr', 'getattribute', 'setattr', 'delattr',
  'call', 'add', 'sub', 'mul', 'truediv', 'floordiv', 'mod', 'pow', 'neg', 'pos', 'abs', 'index', 'int', 'float',
  'format', 'radd', 'rsub', 'rmul', 'iadd', 'isub', 'imul', 'and', 'or', 'xor', 'lshift', 'rshift', 'matmul',
  'invert', 'reversed', 'get', 'set', 'delete', 'set_name', 'init_subclass', 'class_getitem', 'enter', 'exit',
  'copy', 'deepcopy', 'reduce', 'reduce_ex', 'sizeof', 'dir'];
const MAGIC_VARIABLES = ['name', 'main', 'dict', 'class', 'slots', 'file', 'doc', 'module', 'weakref', 'qualname',
  'bases', 'mro', 'builtins', 'debug', 'annotations', 'all'];

// Numbers (every form Python 3 accepts; Python 2 forms are invalid).
const DIGITS = r`[0-9](?:_?[0-9])*`;
const EXP = r`[eE][+-]?${DIGITS}`;
const NUM_END = r`(?![A-Za-z0-9_])`;
const numbers = {
  patterns: [
    { name: 'constant.numeric.hex.pygc', match: r`(?<![\w.])0[xX](?:_?[0-9a-fA-F])+${NUM_END}` },
    { name: 'constant.numeric.octal.pygc', match: r`(?<![\w.])0[oO](?:_?[0-7])+${NUM_END}` },
    { name: 'constant.numeric.binary.pygc', match: r`(?<![\w.])0[bB](?:_?[01])+${NUM_END}` },
    { name: 'constant.numeric.complex.pygc', match: r`(?<![\w.])(?:${DIGITS}(?:\.(?:${DIGITS})?)?|\.${DIGITS})(?:${EXP})?[jJ]${NUM_END}` },
    { name: 'constant.numeric.float.pygc', match: r`(?<![\w.])(?:${DIGITS}\.(?:${DIGITS})?(?:${EXP})?|\.${DIGITS}(?:${EXP})?|${DIGITS}${EXP})${NUM_END}` },
    { name: 'invalid.illegal.number.pygc', match: r`(?<![\w.])(?:0[0-9]*[1-9][0-9]*|[0-9]+[lL])${NUM_END}` },
    { name: 'constant.numeric.integer.decimal.pygc', match: r`(?<![\w.])(?:[1-9](?:_?[0-9])*|0(?:_?0)*)${NUM_END}` },
  ],
};

// Strings. `kind` is one of: plain, raw, f, rf; `quote` is ' " ''' """.
const escape = {
  patterns: [
    { name: UNSUPPORTED, match: r`\\N\{[^}\n]*\}` },
    { name: 'constant.character.escape.pygc', match: r`\\(?:[\\'"abfnrtv]|\n|[0-7]{1,3}|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})` },
  ],
};
const percentFormat = {
  name: 'constant.character.format.placeholder.other.pygc',
  match: r`%(?:\([^)\n]*\))?[#0+\- ]*(?:\*|[0-9]+)?(?:\.(?:\*|[0-9]+))?[hlL]?[diouxXeEfFgGcrsab%]`,
};
const braceFormat = {
  name: 'constant.character.format.placeholder.other.pygc',
  match: r`\{(?:[0-9]+|${ID})?(?:\.${ID}|\[[^\]\n]*\])*(?:![rsa])?(?::[^{}\n'"]*)?\}`,
};
const fstringGuts = {
  patterns: [
    { name: 'constant.character.escape.pygc', match: r`\{\{|\}\}` },
    {
      name: 'meta.interpolation.pygc',
      begin: r`\{`,
      beginCaptures: { 0: { name: 'punctuation.definition.interpolation.begin.pygc' } },
      end: r`(\})|(?=\n)`,
      endCaptures: { 1: { name: 'punctuation.definition.interpolation.end.pygc' } },
      patterns: [
        { name: 'storage.type.format.conversion.pygc', match: r`![rsa](?=\s*[:}])` },
        { name: 'keyword.operator.self-documenting.pygc', match: r`=(?=\s*(?:![rsa])?\s*[:}])` },
        {
          name: 'meta.format-spec.pygc',
          begin: r`:`,
          beginCaptures: { 0: { name: 'punctuation.separator.format-spec.pygc' } },
          end: r`(?=\})|(?=\n)`,
          patterns: [{ include: '#fstring-guts' }, { name: 'constant.other.format-spec.pygc', match: r`[^{}\n]+` }],
        },
        { include: '#expression' },
      ],
    },
  ],
};

function stringRule(kind, quote) {
  const triple = quote.length === 3;
  const prefix = { plain: r`[uUbB]?`, raw: r`(?:[rR][bB]?|[bB][rR])`, f: r`[fF]`, rf: r`(?:[rR][fF]|[fF][rR])` }[kind];
  const name = [
    `string.quoted.${kind === 'raw' || kind === 'rf' ? 'raw.' : ''}${triple ? 'triple' : 'single'}.pygc`,
    kind === 'f' || kind === 'rf' ? 'meta.fstring.pygc' : null,
  ].filter(Boolean).join(' ');
  const patterns = [];
  if (kind === 'plain' || kind === 'f') patterns.push({ include: '#escape' });
  if (kind === 'f' || kind === 'rf') patterns.push({ include: '#fstring-guts' });
  else patterns.push(percentFormat, braceFormat);
  return {
    name,
    begin: r`(?<![A-Za-z0-9_])(${prefix})(${quote})`,
    beginCaptures: {
      1: { name: 'storage.type.string.pygc' },
      2: { name: 'punctuation.definition.string.begin.pygc' },
    },
    end: triple ? r`(\2)` : r`(\2)|((?<!\\)\n)`,
    endCaptures: {
      1: { name: 'punctuation.definition.string.end.pygc' },
      ...(triple ? {} : { 2: { name: 'invalid.illegal.newline.pygc' } }),
    },
    patterns,
  };
}
const strings = { patterns: [] };
for (const kind of ['f', 'rf', 'raw', 'plain']) {
  for (const quote of ["'''", '"""', "'", '"']) strings.patterns.push(stringRule(kind, quote));
}

const docstring = {
  name: 'string.quoted.docstring.multi.pygc',
  begin: r`^\s*([rRuU]?)('''|""")`,
  beginCaptures: { 1: { name: 'storage.type.string.pygc' }, 2: { name: 'punctuation.definition.string.begin.pygc' } },
  end: r`(\2)`,
  endCaptures: { 1: { name: 'punctuation.definition.string.end.pygc' } },
  patterns: [{ include: '#escape' }],
};

const comment = {
  name: 'comment.line.number-sign.pygc',
  match: r`(#).*$\n?`,
  captures: { 1: { name: 'punctuation.definition.comment.pygc' } },
};

// Statements and constructs the simulation does not support.
const unsupported = {
  patterns: [
    { name: UNSUPPORTED, match: r`\b(?:async|await)\b` },
    { name: UNSUPPORTED, match: r`\byield(?:\s+from)?\b` },
    { name: UNSUPPORTED, match: r`\bwith\b` },
    { match: r`^\s*(match)\s+(?=[^=#]*:\s*(?:#.*)?$)`, captures: { 1: { name: UNSUPPORTED } } },
    { match: r`^\s*(case)\s+(?=[^=#]*:)`, captures: { 1: { name: UNSUPPORTED } } },
    { match: r`^\s*(type)\s+(?=${ID}\s*(?:\[[^\]]*\])?\s*=)`, captures: { 1: { name: UNSUPPORTED } } },
    { match: r`\b(except)\s*(\*)`, captures: { 1: { name: 'keyword.control.flow.pygc' }, 2: { name: UNSUPPORTED } } },
    { match: r`\b(?:def|class)\s+${ID}\s*(\[[^\]\n]*\])`, captures: { 1: { name: UNSUPPORTED } } },
    { name: 'invalid.illegal.operator.pygc', match: r`<>|\x60` },
  ],
};

const importAlias = {
  match: r`\b(as)\s+(${ID})`,
  captures: { 1: { name: 'keyword.control.import.pygc' }, 2: { name: 'variable.other.alias.pygc' } },
};
const imports = {
  patterns: [
    {
      name: 'meta.statement.import.pygc',
      begin: r`\b(from)\s+(?:(${words(MODULES)})|([.\w]+))\s+(import)\b`,
      beginCaptures: {
        1: { name: 'keyword.control.import.pygc' },
        2: { name: 'support.module.pygc' },
        3: { name: UNSUPPORTED },
        4: { name: 'keyword.control.import.pygc' },
      },
      end: r`(?=[;#\n])`,
      patterns: [
        { name: UNSUPPORTED, match: r`\*` },
        importAlias,
        { name: 'punctuation.separator.element.pygc', match: ',' },
        { match: r`[()\\]` },
      ],
    },
    {
      name: 'meta.statement.import.pygc',
      begin: r`\b(import)\b`,
      beginCaptures: { 1: { name: 'keyword.control.import.pygc' } },
      end: r`(?=[;#\n])`,
      patterns: [
        { name: 'support.module.pygc', match: r`\b(?:${words(MODULES)})\b(?!\.)` },
        importAlias,
        { name: 'punctuation.separator.element.pygc', match: ',' },
        { name: UNSUPPORTED, match: r`${ID}(?:\.${ID})*` },
      ],
    },
  ],
};

const decorator = {
  name: 'meta.function.decorator.pygc',
  match: r`^\s*(@)\s*(${ID}(?:\s*\.\s*${ID})*)`,
  captures: {
    1: { name: 'punctuation.definition.decorator.pygc' },
    2: { name: 'entity.name.function.decorator.pygc' },
  },
};

const magicMethod = (extra) => ({
  patterns: [
    { name: `support.function.magic.finalizer.pygc${extra}`, match: r`\b__del__\b` },
    { name: `support.function.magic.pygc${extra}`, match: r`\b__(?:${words(MAGIC_METHODS)})__\b` },
  ],
});

const parameters = {
  patterns: [
    { include: '#comment' },
    { name: 'keyword.operator.unpacking.parameter.pygc', match: r`\*\*|\*` },
    { name: 'punctuation.separator.parameters.pygc', match: r`[,/]` },
    { name: 'variable.language.special.self.pygc', match: r`\bself\b` },
    { name: 'variable.language.special.cls.pygc', match: r`\bcls\b` },
    { name: 'variable.parameter.function.pygc', match: ID },
    {
      begin: r`=`,
      beginCaptures: { 0: { name: 'keyword.operator.assignment.pygc' } },
      end: r`(?=[,)])`,
      patterns: [{ include: '#expression' }],
    },
    {
      begin: r`:`,
      beginCaptures: { 0: { name: 'punctuation.separator.annotation.pygc' } },
      end: r`(?=[,)=])`,
      patterns: [{ include: '#expression' }],
    },
  ],
};

const functionDef = {
  name: 'meta.function.pygc',
  begin: r`\b(def)\s+(?=${ID}\s*\()`,
  beginCaptures: { 1: { name: 'storage.type.function.pygc' } },
  end: r`(\))`,
  endCaptures: { 1: { name: 'punctuation.definition.parameters.end.pygc' } },
  patterns: [
    { include: '#magic-method-def' },
    { name: 'entity.name.function.pygc', match: ID },
    {
      begin: r`\(`,
      beginCaptures: { 0: { name: 'punctuation.definition.parameters.begin.pygc' } },
      end: r`(?=\))`,
      patterns: [{ include: '#parameters' }],
    },
  ],
};

const classDef = {
  name: 'meta.class.pygc',
  begin: r`\b(class)\s+(${ID})`,
  beginCaptures: { 1: { name: 'storage.type.class.pygc' }, 2: { name: 'entity.name.type.class.pygc' } },
  end: r`(:)|(?=\n)`,
  endCaptures: { 1: { name: 'punctuation.section.class.begin.pygc' } },
  patterns: [
    {
      begin: r`\(`,
      beginCaptures: { 0: { name: 'punctuation.definition.inheritance.begin.pygc' } },
      end: r`\)`,
      endCaptures: { 0: { name: 'punctuation.definition.inheritance.end.pygc' } },
      patterns: [
        { match: r`\b(metaclass)\s*(=)`, captures: { 1: { name: 'variable.parameter.class.pygc' }, 2: { name: 'keyword.operator.assignment.pygc' } } },
        { include: '#builtins' },
        { name: 'entity.other.inherited-class.pygc', match: r`${ID}(?=\s*[,)])` },
        { include: '#expression' },
      ],
    },
  ],
};

const lambda = {
  name: 'meta.lambda-function.pygc',
  begin: r`\b(lambda)\b`,
  beginCaptures: { 1: { name: 'storage.type.function.lambda.pygc' } },
  end: r`(:)|(?=\n)`,
  endCaptures: { 1: { name: 'punctuation.section.function.lambda.begin.pygc' } },
  patterns: [
    { name: 'keyword.operator.unpacking.parameter.pygc', match: r`\*\*|\*` },
    { name: 'punctuation.separator.parameters.pygc', match: r`[,/]` },
    { name: 'variable.parameter.function.pygc', match: ID },
    {
      begin: r`=`,
      beginCaptures: { 0: { name: 'keyword.operator.assignment.pygc' } },
      end: r`(?=[,:])`,
      patterns: [{ include: '#expression' }],
    },
  ],
};

const moduleApi = (mod, list, scope) => ({
  match: r`\b(${mod})\s*(\.)\s*(${words(list)})\b`,
  captures: {
    1: { name: 'support.module.pygc' },
    2: { name: 'punctuation.accessor.pygc' },
    3: { name: scope },
  },
});
const gcApi = {
  patterns: [
    moduleApi('gc', GC_FUNCTIONS, 'support.function.gc.pygc'),
    moduleApi('gc', GC_CONSTANTS, 'support.constant.gc.pygc'),
    moduleApi('gc', GC_VARIABLES, 'support.variable.gc.pygc'),
    moduleApi('sys', SYS_FUNCTIONS, 'support.function.sys.pygc'),
    moduleApi('sys', SYS_VARIABLES, 'support.variable.sys.pygc'),
    moduleApi('weakref', WEAKREF_FUNCTIONS, 'support.function.weakref.pygc'),
    moduleApi('weakref', WEAKREF_UNSUPPORTED, UNSUPPORTED),
    moduleApi('time', TIME_FUNCTIONS, 'support.function.time.pygc'),
  ],
};

const builtins = {
  patterns: [
    { name: UNSUPPORTED, match: r`(?<![\w.])(?:${words(BUILTIN_REFUSED)})(?=\s*\()` },
    { name: 'support.function.builtin.pygc', match: r`(?<![\w.])(?:${words(BUILTIN_FUNCTIONS)})\b` },
    { name: 'support.type.pygc', match: r`(?<![\w.])(?:${words(BUILTIN_TYPES)})\b` },
    { name: 'support.type.exception.pygc', match: r`(?<![\w.])(?:${words(EXCEPTIONS)})\b` },
  ],
};

const keywords = {
  patterns: [
    { name: 'keyword.control.flow.pygc', match: r`\b(?:if|elif|else|for|while|break|continue|return|try|except|finally|raise|pass|assert|from|as)\b` },
    { name: 'keyword.other.del.pygc', match: r`\bdel\b` },
    { name: 'storage.modifier.declaration.pygc', match: r`\b(?:global|nonlocal)\b` },
    { name: 'keyword.operator.logical.pygc', match: r`\b(?:and|or|not|is|in)\b` },
    { name: 'constant.language.pygc', match: r`\b(?:None|True|False|Ellipsis|NotImplemented)\b` },
    { name: 'constant.other.ellipsis.pygc', match: r`\.\.\.` },
    { name: 'variable.language.special.self.pygc', match: r`\bself\b` },
    { name: 'variable.language.special.cls.pygc', match: r`\bcls\b` },
  ],
};

const operators = {
  patterns: [
    { name: 'keyword.operator.assignment.walrus.pygc', match: ':=' },
    { name: 'punctuation.separator.annotation.result.pygc', match: '->' },
    { name: 'keyword.operator.assignment.augmented.pygc', match: r`(?:\*\*|//|<<|>>|[-+*/%@&|^])=` },
    { name: 'keyword.operator.bitwise.pygc', match: r`<<|>>` },
    { name: 'keyword.operator.comparison.pygc', match: r`==|!=|<=|>=|<|>` },
    { name: 'keyword.operator.assignment.pygc', match: '=' },
    { name: 'keyword.operator.arithmetic.pygc', match: r`\*\*|//|[-+*/%@]` },
    { name: 'keyword.operator.bitwise.pygc', match: r`[&|^~]` },
    { name: 'punctuation.separator.continuation.line.pygc', match: r`\\$` },
    { name: 'punctuation.separator.element.pygc', match: ',' },
    { name: 'punctuation.separator.colon.pygc', match: ':' },
    { name: 'punctuation.terminator.statement.pygc', match: ';' },
    { name: 'punctuation.accessor.pygc', match: r`\.` },
  ],
};

const keywordArgument = {
  match: r`\b(${ID})\s*(=)(?!=)`,
  captures: { 1: { name: 'variable.parameter.function-call.pygc' }, 2: { name: 'keyword.operator.assignment.pygc' } },
};
const bracket = (open, close, kind, extra = []) => ({
  begin: open,
  beginCaptures: { 0: { name: `punctuation.definition.${kind}.begin.pygc` } },
  end: close,
  endCaptures: { 0: { name: `punctuation.definition.${kind}.end.pygc` } },
  patterns: [{ include: '#comment' }, ...extra, { include: '#expression' }],
});

const expression = {
  patterns: [
    { include: '#comment' },
    { include: '#strings' },
    { include: '#numbers' },
    { include: '#lambda' },
    { include: '#unsupported' },
    { include: '#gc-api' },
    { include: '#magic-method' },
    { name: 'support.variable.magic.pygc', match: r`\b__(?:${words(MAGIC_VARIABLES)})__\b` },
    { name: 'support.variable.magic.pygc', match: r`\b__\w+__\b` },
    { include: '#builtins' },
    { include: '#keywords' },
    { name: 'entity.name.function.call.pygc', match: r`\b${ID}(?=\s*\()` },
    { include: '#operators' },
    bracket(r`\(`, r`\)`, 'parenthesis', [keywordArgument]),
    bracket(r`\[`, r`\]`, 'list'),
    bracket(r`\{`, r`\}`, 'dict'),
  ],
};

const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  information_for_contributors: ['Generated by scripts/gen-grammar.mjs: edit that file, then run it.'],
  name: 'PyGC Scenario',
  scopeName: 'source.pygc',
  fileTypes: ['pygc'],
  patterns: [
    { include: '#comment' },
    { include: '#docstring' },
    { include: '#imports' },
    { include: '#decorator' },
    { include: '#unsupported' },
    { include: '#function-def' },
    { include: '#class-def' },
    { include: '#expression' },
  ],
  repository: {
    comment,
    docstring,
    imports,
    decorator,
    unsupported,
    'function-def': functionDef,
    'class-def': classDef,
    parameters,
    'magic-method': magicMethod(''),
    'magic-method-def': magicMethod(' entity.name.function.pygc'),
    lambda,
    'gc-api': gcApi,
    builtins,
    keywords,
    operators,
    numbers,
    strings,
    escape,
    'fstring-guts': fstringGuts,
    expression,
  },
};

const text = JSON.stringify(grammar, null, 2) + '\n';
if (process.argv.includes('--check')) {
  const current = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : '';
  if (current !== text) {
    console.error('syntaxes/pygc.tmLanguage.json is out of date: run node scripts/gen-grammar.mjs');
    process.exit(1);
  }
} else {
  fs.writeFileSync(OUT, text);
  console.log(`wrote ${path.relative(process.cwd(), OUT)}`);
}
