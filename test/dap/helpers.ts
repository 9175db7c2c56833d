// Shared helpers of the DAP tests: a DebugClient talking to the built
// adapter (node dist/debugAdapter.js), launching a scenario and waiting for
// its first stop, and small readers for stacks, scopes and variables.
import * as path from 'node:path';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';

export const ROOT = path.resolve(__dirname, '..', '..');
export const ADAPTER = path.join(ROOT, 'dist', 'debugAdapter.js');
export const EXAMPLES = path.join(ROOT, 'examples');
export const ORACLE = path.join(ROOT, 'test', 'oracle');

export async function startClient(): Promise<DebugClient> {
  if (!fs.existsSync(ADAPTER)) throw new Error(`${ADAPTER} is missing: run npm run build`);
  const dc = new DebugClient(process.execPath, ADAPTER, 'pygc');
  dc.defaultTimeout = 20000;
  await dc.start();
  return dc;
}

/** Write a scenario to a temporary file (dedented). */
export function scenario(text: string, name = 'scenario.pygc'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pygc-dap-'));
  const file = path.join(dir, name);
  const lines = text.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  fs.writeFileSync(file, lines.map((l) => l.slice(indent)).join('\n'));
  return file;
}

export interface Setup {
  breakpoints?: DebugProtocol.SourceBreakpoint[];
  functionBreakpoints?: DebugProtocol.FunctionBreakpoint[];
  filters?: string[];
  filterOptions?: DebugProtocol.ExceptionFilterOptions[];
}

/** initialize + launch + configuration; resolves with the first stopped event and the configuration responses. */
export async function launch(dc: DebugClient, program: string, args: Record<string, unknown> = {}, setup: Setup = {}) {
  const stopped = dc.waitForEvent('stopped');
  let bps: DebugProtocol.SetBreakpointsResponse | undefined;
  const config = dc.waitForEvent('initialized').then(async () => {
    if (setup.breakpoints) bps = await dc.setBreakpointsRequest({ source: { path: program }, breakpoints: setup.breakpoints });
    if (setup.functionBreakpoints) await dc.setFunctionBreakpointsRequest({ breakpoints: setup.functionBreakpoints });
    await dc.setExceptionBreakpointsRequest({ filters: setup.filters ?? [], filterOptions: setup.filterOptions });
    await dc.configurationDoneRequest();
  });
  await Promise.all([config, dc.launch({ program, ...args })]);
  const event = (await stopped) as DebugProtocol.StoppedEvent;
  return { event, breakpoints: bps };
}

export async function stack(dc: DebugClient) {
  const r = await dc.stackTraceRequest({ threadId: 1 });
  return r.body.stackFrames;
}

export async function scopes(dc: DebugClient, frameIndex = 0) {
  const frames = await stack(dc);
  const r = await dc.scopesRequest({ frameId: frames[frameIndex].id });
  return r.body.scopes;
}

export async function scopeVars(dc: DebugClient, scopeName: string, frameIndex = 0) {
  const sc = (await scopes(dc, frameIndex)).find((s) => s.name === scopeName);
  if (!sc) throw new Error(`no scope ${scopeName}`);
  return (await dc.variablesRequest({ variablesReference: sc.variablesReference })).body.variables;
}

export async function children(dc: DebugClient, v: DebugProtocol.Variable) {
  return (await dc.variablesRequest({ variablesReference: v.variablesReference })).body.variables;
}

export function find(vars: DebugProtocol.Variable[], name: string): DebugProtocol.Variable {
  const v = vars.find((x) => x.name === name);
  if (!v) throw new Error(`no variable ${name} in ${vars.map((x) => x.name).join(', ')}`);
  return v;
}

/** The refcount shown in a value: "<…>  refcount 2 · gen 0" → 2. */
export function refcountOf(v: DebugProtocol.Variable): number {
  const m = /refcount (\d+)/.exec(v.value);
  if (!m) throw new Error(`no refcount in ${v.value}`);
  return Number(m[1]);
}

/** Send a request and resolve with the response, success or not (DebugClient rejects on errors). */
export function raw(dc: DebugClient, command: string, args?: unknown): Promise<DebugProtocol.Response> {
  return new Promise((resolve) => {
    (dc as unknown as { send(c: string, a: unknown): Promise<DebugProtocol.Response> })
      .send(command, args)
      .then(resolve, (e: Error) => resolve({ success: false, message: e.message, command } as DebugProtocol.Response));
  });
}

export async function next(dc: DebugClient, kind: 'next' | 'stepIn' | 'stepOut' | 'stepBack' | 'continue' | 'reverseContinue' = 'next') {
  const stopped = dc.waitForEvent('stopped');
  await (dc as unknown as Record<string, (a: unknown) => Promise<unknown>>)[`${kind}Request`]({ threadId: 1 });
  return (await stopped) as DebugProtocol.StoppedEvent;
}

/** Resolve when the output of `category` seen from now on matches `pattern` (with that output). */
export function waitOutput(dc: DebugClient, category: string, pattern: RegExp, timeout = 20000): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => { dc.removeListener('output', on); reject(new Error(`no ${category} output matching ${pattern} (got ${JSON.stringify(text)})`)); }, timeout);
    const on = (e: DebugProtocol.OutputEvent) => {
      if ((e.body.category ?? 'console') !== category) return;
      text += e.body.output;
      if (pattern.test(text)) { clearTimeout(timer); dc.removeListener('output', on); resolve(text); }
    };
    dc.on('output', on);
  });
}
