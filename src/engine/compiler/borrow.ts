// CPython 3.14's borrowed local loads (gh-130704, flowgraph.c optimize_load_fast),
// run as a post-pass over a function's bytecode. First the loads of locals that may
// be unbound become LOAD_FAST_CHECK (add_checks_for_loads_of_uninitialized_variables)
// and adjacent loads/stores pair into superinstructions (insert_superinstructions).
// Then an abstract interpretation of each basic block tracks which stack slots hold
// a reference loaded from a local; a LOAD_FAST (or LOAD_FAST_LOAD_FAST) becomes a
// borrowing load unless its reference is still on the stack when the local is
// stored, is itself stored into a local, or is left on the stack at the block's end.
//
// The VM runs a borrowing load like LOAD_FAST (the engine's stack slot owns a
// reference, so every consumer stays as it is); what changes is what refcounts
// report: `code.borrowLive[i]` lists the borrowed references live while
// instruction i runs, and borrowedRefs (engine/borrowed.ts) subtracts them.

import { Op, CO_VARARGS, CO_VARKEYWORDS, type Code } from './code';

/** Entry of code.borrowLive: local index (cells: nlocals + cell index) | (input index + 1) << 16. */
export const BORROW_INPUT_SHIFT = 16;

const SUPPORT_KILLED = 1, STORED_AS_LOCAL = 2, REF_UNCONSUMED = 4;
const NOT_LOCAL = -1, DUMMY = -1;

interface Ref { instr: number; local: number }

function isJump(op: number): boolean {
  return op === Op.JUMP || op === Op.POP_JUMP_IF_FALSE || op === Op.POP_JUMP_IF_TRUE ||
    op === Op.JUMP_IF_FALSE_OR_POP || op === Op.JUMP_IF_TRUE_OR_POP || op === Op.FOR_ITER || op === Op.SETUP_FINALLY;
}
function endsFlow(op: number): boolean {
  return op === Op.JUMP || op === Op.RETURN_VALUE || op === Op.RAISE_VARARGS || op === Op.RERAISE;
}

/** Values an instruction pops and pushes (the generic case of optimize_load_fast). */
function effect(op: number, arg: number): [number, number] {
  switch (op) {
    case Op.LOAD_CONST: case Op.LOAD_NAME: case Op.LOAD_GLOBAL: case Op.LOAD_DEREF: case Op.LOAD_CLASSDEREF:
    case Op.LOAD_ASSERTION_ERROR: return [0, 1];
    case Op.STORE_NAME: case Op.STORE_GLOBAL: case Op.STORE_DEREF: case Op.DELETE_ATTR: case Op.POP_TOP:
    case Op.POP_JUMP_IF_FALSE: case Op.POP_JUMP_IF_TRUE: case Op.RETURN_VALUE: case Op.RERAISE: return [1, 0];
    case Op.LOAD_ATTR: case Op.GET_ITER: case Op.LIST_TO_TUPLE: case Op.UNARY_NEGATIVE: case Op.UNARY_POSITIVE:
    case Op.UNARY_NOT: case Op.UNARY_INVERT: case Op.CHECK_EXC_MATCH: case Op.YIELD_VALUE: return [1, 1];
    case Op.STORE_ATTR: case Op.DELETE_SUBSCR: return [2, 0];
    case Op.STORE_SUBSCR: return [3, 0];
    case Op.BINARY_SUBSCR: case Op.BINARY_OP: case Op.COMPARE_OP: case Op.IS_OP: case Op.CONTAINS_OP:
    case Op.IMPORT_NAME: return [2, 1];
    case Op.CALL: return [arg + 1, 1];
    case Op.CALL_METHOD: return [arg + 2, 1];
    case Op.CALL_FUNCTION_EX: return [2 + (arg & 1), 1];
    case Op.BUILD_TUPLE: case Op.BUILD_LIST: case Op.BUILD_SET: case Op.BUILD_STRING: case Op.BUILD_SLICE: return [arg, 1];
    case Op.BUILD_MAP: return [2 * arg, 1];
    case Op.LIST_APPEND: case Op.SET_ADD: case Op.LIST_EXTEND: case Op.SET_UPDATE: case Op.DICT_UPDATE:
    case Op.DICT_MERGE: return [1, 0];
    case Op.MAP_ADD: return [2, 0];
    case Op.MAKE_FUNCTION: return [1 + (arg & 1) + ((arg >> 1) & 1) + ((arg >> 3) & 1), 1];
    case Op.BUILD_CLASS: return [4, 1];
    case Op.UNPACK_SEQUENCE: return [1, arg];
    case Op.UNPACK_EX: return [1, (arg & 0xff) + (arg >> 8) + 1];
    case Op.FORMAT_VALUE: return [arg & 4 ? 2 : 1, 1];
    case Op.RAISE_VARARGS: return [arg, 0];
    case Op.IMPORT_FROM: case Op.FOR_ITER: return [0, 1];
    default: return [0, 0]; // NOP, LINE, KW_NAMES, DELETE_*, JUMP, JUMP_IF_*_OR_POP (the value stays), blocks
  }
}

/** Basic-block leaders: entry, jump targets, instructions after a jump or an exit. */
function leaders(ops: Int32Array): Uint8Array {
  const n = ops.length >> 1;
  const lead = new Uint8Array(n + 1);
  lead[0] = 1;
  for (let i = 0; i < n; i++) {
    const op = ops[2 * i];
    if (isJump(op)) lead[ops[2 * i + 1] >> 1] = 1;
    if (isJump(op) || endsFlow(op)) lead[i + 1] = 1;
  }
  return lead;
}

/** Loads of locals that may be unbound (CPython: LOAD_FAST_CHECK, never borrowed). */
function uncheckedLoads(code: Code, lead: Uint8Array): Uint8Array {
  const ops = code.ops, n = ops.length >> 1, nl = code.varnames.length;
  const checked = new Uint8Array(n);
  if (nl === 0) return checked;
  const nparams = code.argcount + code.kwonlyargcount + (code.flags & CO_VARARGS ? 1 : 0) + (code.flags & CO_VARKEYWORDS ? 1 : 0);
  // The handler of each instruction: the innermost SETUP_FINALLY whose body it is in.
  const handler = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    if (ops[2 * i] !== Op.SETUP_FINALLY) continue;
    const h = ops[2 * i + 1] >> 1;
    for (let j = i + 1; j < h; j++) handler[j] = h;
  }
  const entry: (Uint8Array | null)[] = new Array(n + 1).fill(null);
  const work: number[] = [];
  const merge = (b: number, mask: Uint8Array) => {
    if (b >= n) return;
    let cur = entry[b], changed = false;
    if (!cur) { cur = entry[b] = new Uint8Array(nl); changed = true; }
    for (let k = 0; k < nl; k++) if (mask[k] && !cur[k]) { cur[k] = 1; changed = true; }
    if (changed && !work.includes(b)) work.push(b);
  };
  const start = new Uint8Array(nl);
  for (let k = nparams; k < nl; k++) start[k] = 1;
  merge(0, start);
  for (let b = 0; b < n; b++) if (lead[b]) merge(b, new Uint8Array(nl));
  while (work.length) {
    const b = work.pop()!;
    const mask = entry[b]!.slice();
    for (let i = b; i < n; i++) {
      if (i > b && lead[i]) { merge(i, mask); break; }
      const op = ops[2 * i], arg = ops[2 * i + 1];
      if (handler[i] >= 0) merge(handler[i], mask);
      if (op === Op.DELETE_FAST) mask[arg] = 1;
      else if (op === Op.STORE_FAST) mask[arg] = 0;
      else if (op === Op.LOAD_FAST) { if (mask[arg]) checked[i] = 1; mask[arg] = 0; }
      if (isJump(op)) merge(ops[2 * i + 1] >> 1, mask);
      if (endsFlow(op)) break;
    }
  }
  return checked;
}

/** Compute code.borrowed (the borrowing loads) and code.borrowLive. */
export function optimizeLoadFast(code: Code): void {
  const ops = code.ops, n = ops.length >> 1, nl = code.varnames.length;
  const lead = leaders(ops);
  const checked = uncheckedLoads(code, lead);
  // insert_superinstructions: pairs on one line, opargs < 16. 1 = first of LOAD_FAST_LOAD_FAST,
  // 2 = its second; 3 = the load of STORE_FAST_LOAD_FAST (never borrowed).
  const pair = new Uint8Array(n);
  const isLoad = (i: number) => ops[2 * i] === Op.LOAD_FAST && !checked[i];
  // (The engine's LINE markers are not instructions in CPython: skipped.)
  const nextOf = (i: number) => {
    let j = i + 1;
    while (j < n && !lead[j] && (ops[2 * j] === Op.LINE || ops[2 * j] === Op.NOP)) j++;
    return j < n && !lead[j] ? j : -1;
  };
  for (let i = 0; i < n; i++) {
    const op = ops[2 * i];
    if (op !== Op.LOAD_FAST && op !== Op.STORE_FAST) continue;
    const j = nextOf(i);
    if (j < 0 || code.pos[4 * i] !== code.pos[4 * j] || ops[2 * i + 1] >= 16 || ops[2 * j + 1] >= 16) continue;
    if (isLoad(i) && isLoad(j)) { pair[i] = 1; pair[j] = 2; i = j; }
    else if (op === Op.STORE_FAST && (isLoad(j) || ops[2 * j] === Op.STORE_FAST)) {
      if (isLoad(j)) pair[j] = 3;
      i = j;
    }
  }
  const flags = new Uint8Array(n);
  const borrowed = new Uint8Array(n);
  const live: (Int32Array | null)[] = new Array(n).fill(null);
  const comprehensionAt = (i: number) => {
    // A list/set/dict comprehension: CPython 3.12+ inlines it, its loop starting a new
    // basic block after the iterable's GET_ITER.
    if (ops[2 * i] !== Op.MAKE_FUNCTION || i === 0 || ops[2 * i - 2] !== Op.LOAD_CONST) return false;
    const c = code.consts[ops[2 * i - 1]] as unknown as { code?: Code };
    const nm = c && c.code ? c.code.name : '';
    return nm === '<listcomp>' || nm === '<setcomp>' || nm === '<dictcomp>';
  };
  const localOf = (i: number) => (ops[2 * i] === Op.LOAD_CLOSURE ? nl + ops[2 * i + 1] : ops[2 * i + 1]);
  const first = new Int32Array(n).map((_, i) => i);
  for (let i = 0; i < n; i++) if (pair[i] === 1) for (let j = i + 1; j < n; j++) if (pair[j] === 2) { first[j] = i; break; }
  const owner = (i: number) => first[i];
  const run = (b: number, end: number, record: boolean) => {
    const refs: Ref[] = [];
    const pop = (): Ref => refs.pop() ?? { instr: DUMMY, local: NOT_LOCAL };
    const unconsumed = () => { for (const r of refs) if (r.instr >= 0) flags[owner(r.instr)] |= REF_UNCONSUMED; };
    const kill = (local: number) => { for (const r of refs) if (r.local === local && r.instr >= 0) flags[owner(r.instr)] |= SUPPORT_KILLED; };
    let pendingSplit = 0;
    for (let i = b; i < end; i++) {
      const op = ops[2 * i], arg = ops[2 * i + 1];
      const [npop, npush] = effect(op, arg);
      if (record) {
        let out: number[] | null = null;
        const inputs = op === Op.STORE_FAST || op === Op.LOAD_METHOD ? 1 : op === Op.COPY || op === Op.SWAP ? 0 : npop;
        for (let k = 0; k < refs.length; k++) {
          const r = refs[k];
          if (r.instr < 0 || !borrowed[r.instr]) continue;
          const input = k - (refs.length - inputs);
          (out ??= []).push(r.local | (input >= 0 ? (input + 1) << BORROW_INPUT_SHIFT : 0));
        }
        if (out) live[i] = Int32Array.from(out);
      }
      if (comprehensionAt(i)) pendingSplit = 1;
      switch (op) {
        case Op.LOAD_FAST:
          // LOAD_FAST_CHECK is a generic instruction; STORE_FAST_LOAD_FAST's load is never borrowed.
          refs.push(checked[i] ? { instr: DUMMY, local: NOT_LOCAL } : { instr: pair[i] === 3 ? DUMMY : i, local: arg });
          break;
        case Op.LOAD_CLOSURE: refs.push({ instr: i, local: localOf(i) }); break;
        case Op.STORE_FAST: {
          const r = pop();
          kill(arg);
          if (r.instr >= 0) flags[owner(r.instr)] |= STORED_AS_LOCAL;
          break;
        }
        case Op.COPY: {
          const r = refs[refs.length - arg];
          refs.push(r ? { ...r } : { instr: DUMMY, local: NOT_LOCAL });
          break;
        }
        case Op.SWAP: {
          const t = refs.length - 1, j = refs.length - arg;
          if (j >= 0) { const x = refs[t]; refs[t] = refs[j]; refs[j] = x; }
          else refs[t] = { instr: DUMMY, local: NOT_LOCAL };
          break;
        }
        case Op.LOAD_METHOD: {
          const self = pop();
          refs.push({ instr: DUMMY, local: NOT_LOCAL }, self);
          break;
        }
        default:
          for (let k = 0; k < npop; k++) pop();
          for (let k = 0; k < npush; k++) refs.push({ instr: DUMMY, local: NOT_LOCAL });
      }
      if (pendingSplit && op === Op.GET_ITER) {
        // The inlined comprehension's loop is a new block: what is on the stack is unconsumed.
        pendingSplit = 0;
        unconsumed();
        for (let k = 0; k < refs.length; k++) refs[k] = { instr: DUMMY, local: NOT_LOCAL };
      }
    }
    if (!record) unconsumed();
  };
  // Only blocks reached by normal control flow are analysed (exception handlers are not:
  // CPython's traversal follows jumps and fall-through, not exception edges), so loads in
  // handlers stay strong.
  const reached = new Uint8Array(n + 1);
  const todo = [0];
  reached[0] = 1;
  const reach = (b: number) => { if (b < n && !reached[b]) { reached[b] = 1; todo.push(b); } };
  while (todo.length) {
    const b = todo.pop()!;
    for (let i = b; i < n; i++) {
      if (i > b && lead[i]) { reach(i); break; }
      const op = ops[2 * i];
      if (isJump(op) && op !== Op.SETUP_FINALLY) reach(ops[2 * i + 1] >> 1);
      if (endsFlow(op)) break;
    }
  }
  for (let b = 0; b < n;) {
    let end = b + 1;
    while (end < n && !lead[end]) end++;
    if (reached[b]) run(b, end, false);
    else for (let i = b; i < end; i++) flags[i] |= REF_UNCONSUMED; // not visited: not optimised
    b = end;
  }
  let any = false;
  for (let i = 0; i < n; i++) {
    const op = ops[2 * i];
    if ((op === Op.LOAD_FAST && !checked[i] && pair[i] !== 3) || op === Op.LOAD_CLOSURE) {
      const f = flags[owner(i)];
      if (!f) { borrowed[i] = 1; any = true; }
    }
  }
  code.borrowed = any ? borrowed : null;
  code.borrowChecked = checked;
  if (!any) return;
  for (let b = 0; b < n;) {
    let end = b + 1;
    while (end < n && !lead[end]) end++;
    run(b, end, true);
    b = end;
  }
  code.borrowLive = live;
}
