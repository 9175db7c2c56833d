// The scenario language's syntax tree. Node kinds and field names follow
// CPython's `ast` module (Module, FunctionDef, Assign, BinOp …) so that anyone
// who knows `ast.dump()` can read it; `kind` is the discriminator.
// Every node carries the 1-based line and 0-based column of its first and last
// character, exactly as CPython's ast reports them.

export interface Pos {
  lineno: number;
  col_offset: number;
  end_lineno: number;
  end_col_offset: number;
}

// ---- module -----------------------------------------------------------------

export interface Module {
  kind: 'Module';
  body: Stmt[];
  /** `from __future__ import …` names seen at the top (e.g. print_function). */
  futures: string[];
}

// ---- statements -------------------------------------------------------------

export type Stmt =
  | FunctionDef | ClassDef | Return | Delete | Assign | AugAssign | AnnAssign
  | For | While | If | Raise | Try | Assert | Import | ImportFrom
  | Global | Nonlocal | ExprStmt | Pass | Break | Continue;

export interface Arg extends Pos { kind: 'arg'; arg: string }

export interface Arguments {
  posonlyargs: Arg[];
  args: Arg[];
  vararg: Arg | null;
  kwonlyargs: Arg[];
  /** Defaults of keyword-only args, same length as kwonlyargs (null = required). */
  kw_defaults: (Expr | null)[];
  kwarg: Arg | null;
  /** Defaults of the last len(defaults) positional args. */
  defaults: Expr[];
}

export interface FunctionDef extends Pos {
  kind: 'FunctionDef';
  name: string;
  args: Arguments;
  body: Stmt[];
  decorator_list: Expr[];
}

export interface ClassDef extends Pos {
  kind: 'ClassDef';
  name: string;
  bases: Expr[];
  keywords: Keyword[];
  body: Stmt[];
  decorator_list: Expr[];
}

export interface Return extends Pos { kind: 'Return'; value: Expr | null }
export interface Delete extends Pos { kind: 'Delete'; targets: Expr[] }
/** `a = b = value`: targets in source order. */
export interface Assign extends Pos { kind: 'Assign'; targets: Expr[]; value: Expr }
export interface AugAssign extends Pos { kind: 'AugAssign'; target: Expr; op: BinOperator; value: Expr }
/** `x: int = 1` — the annotation is kept but never evaluated for effect. */
export interface AnnAssign extends Pos {
  kind: 'AnnAssign'; target: Expr; annotation: Expr; value: Expr | null;
  /** 1 when the target is a plain name (not in parentheses): CPython then records it in __annotations__. */
  simple: 0 | 1;
}
export interface For extends Pos { kind: 'For'; target: Expr; iter: Expr; body: Stmt[]; orelse: Stmt[] }
export interface While extends Pos { kind: 'While'; test: Expr; body: Stmt[]; orelse: Stmt[] }
/** `elif` is an If nested alone in orelse, as in CPython. */
export interface If extends Pos { kind: 'If'; test: Expr; body: Stmt[]; orelse: Stmt[] }
export interface Raise extends Pos { kind: 'Raise'; exc: Expr | null; cause: Expr | null }
export interface ExceptHandler extends Pos { kind: 'ExceptHandler'; type: Expr | null; name: string | null; body: Stmt[] }
export interface Try extends Pos { kind: 'Try'; body: Stmt[]; handlers: ExceptHandler[]; orelse: Stmt[]; finalbody: Stmt[] }
export interface Assert extends Pos { kind: 'Assert'; test: Expr; msg: Expr | null }
export interface Alias extends Pos { kind: 'alias'; name: string; asname: string | null }
export interface Import extends Pos { kind: 'Import'; names: Alias[] }
export interface ImportFrom extends Pos { kind: 'ImportFrom'; module: string; names: Alias[]; level: number }
export interface Global extends Pos { kind: 'Global'; names: string[] }
export interface Nonlocal extends Pos { kind: 'Nonlocal'; names: string[] }
/** An expression statement (CPython: `Expr`). */
export interface ExprStmt extends Pos { kind: 'Expr'; value: Expr }
export interface Pass extends Pos { kind: 'Pass' }
export interface Break extends Pos { kind: 'Break' }
export interface Continue extends Pos { kind: 'Continue' }

// ---- expressions ------------------------------------------------------------

export type Expr =
  | BoolOp | NamedExpr | BinOp | UnaryOp | Lambda | IfExp | DictExpr | SetExpr
  | ListComp | SetComp | DictComp | GeneratorExp | Compare | Call | JoinedStr
  | FormattedValue | Constant | Attribute | Subscript | Starred | Name | ListExpr
  | TupleExpr | Slice | Yield;

export type ExprContext = 'Load' | 'Store' | 'Del';
export type BoolOperator = 'And' | 'Or';
export type BinOperator =
  | 'Add' | 'Sub' | 'Mult' | 'MatMult' | 'Div' | 'Mod' | 'Pow' | 'LShift'
  | 'RShift' | 'BitOr' | 'BitXor' | 'BitAnd' | 'FloorDiv';
export type UnaryOperator = 'Invert' | 'Not' | 'UAdd' | 'USub';
export type CmpOperator = 'Eq' | 'NotEq' | 'Lt' | 'LtE' | 'Gt' | 'GtE' | 'Is' | 'IsNot' | 'In' | 'NotIn';

export interface BoolOp extends Pos { kind: 'BoolOp'; op: BoolOperator; values: Expr[] }
export interface NamedExpr extends Pos { kind: 'NamedExpr'; target: Name; value: Expr }
export interface BinOp extends Pos { kind: 'BinOp'; left: Expr; op: BinOperator; right: Expr }
export interface UnaryOp extends Pos { kind: 'UnaryOp'; op: UnaryOperator; operand: Expr }
export interface Lambda extends Pos { kind: 'Lambda'; args: Arguments; body: Expr }
/** `yield [value]` (inside a function: the function is a generator). */
export interface Yield extends Pos { kind: 'Yield'; value: Expr | null }
export interface IfExp extends Pos { kind: 'IfExp'; test: Expr; body: Expr; orelse: Expr }
/** `{k: v, **m}`: a null key means `**value`. */
export interface DictExpr extends Pos { kind: 'Dict'; keys: (Expr | null)[]; values: Expr[] }
export interface SetExpr extends Pos { kind: 'Set'; elts: Expr[] }
export interface Comprehension { kind: 'comprehension'; target: Expr; iter: Expr; ifs: Expr[]; is_async: false }
export interface ListComp extends Pos { kind: 'ListComp'; elt: Expr; generators: Comprehension[] }
export interface SetComp extends Pos { kind: 'SetComp'; elt: Expr; generators: Comprehension[] }
export interface DictComp extends Pos { kind: 'DictComp'; key: Expr; value: Expr; generators: Comprehension[] }
export interface GeneratorExp extends Pos { kind: 'GeneratorExp'; elt: Expr; generators: Comprehension[] }
export interface Compare extends Pos { kind: 'Compare'; left: Expr; ops: CmpOperator[]; comparators: Expr[] }
export interface Keyword extends Pos { kind: 'keyword'; arg: string | null; value: Expr }
export interface Call extends Pos { kind: 'Call'; func: Expr; args: Expr[]; keywords: Keyword[] }
/** f-string: values are Constant(str) and FormattedValue parts. */
export interface JoinedStr extends Pos { kind: 'JoinedStr'; values: Expr[] }
/** conversion: -1 none, 115 's', 114 'r', 97 'a' (as CPython). */
export interface FormattedValue extends Pos { kind: 'FormattedValue'; value: Expr; conversion: number; format_spec: JoinedStr | null }

/** Python literal values as the parser sees them. */
export type ConstValue =
  | { type: 'int'; value: bigint }
  | { type: 'float'; value: number }
  | { type: 'complex'; imag: number }
  | { type: 'str'; value: string }
  | { type: 'bytes'; value: Uint8Array }
  | { type: 'bool'; value: boolean }
  | { type: 'None' }
  | { type: 'Ellipsis' }
  /** Produced only by the engine's constant folding (a tuple of constants). */
  | { type: 'tuple'; items: ConstValue[] }
  /** Produced only by the engine's compiler: a set display of constants (3.9+ starunpack_helper). */
  | { type: 'frozenset'; items: ConstValue[] };

export interface Constant extends Pos { kind: 'Constant'; value: ConstValue }
export interface Attribute extends Pos { kind: 'Attribute'; value: Expr; attr: string; ctx: ExprContext }
export interface Subscript extends Pos { kind: 'Subscript'; value: Expr; slice: Expr; ctx: ExprContext }
export interface Starred extends Pos { kind: 'Starred'; value: Expr; ctx: ExprContext }
export interface Name extends Pos { kind: 'Name'; id: string; ctx: ExprContext }
export interface ListExpr extends Pos { kind: 'List'; elts: Expr[]; ctx: ExprContext }
export interface TupleExpr extends Pos { kind: 'Tuple'; elts: Expr[]; ctx: ExprContext }
export interface Slice extends Pos { kind: 'Slice'; lower: Expr | null; upper: Expr | null; step: Expr | null }

export type Node = Module | Stmt | Expr | ExceptHandler | Keyword | Arg | Alias | Comprehension;
