// A stand-in for the `vscode` module, enough to activate dist/extension.js in
// plain Node and call the providers it registers: records registrations;
// any API not modelled here is a harmless no-op proxy.
import Module from 'node:module';
import { english } from '../../../../src/extension/l10n-types';

type Fn = (...args: unknown[]) => unknown;

/** A callable, constructible object whose every property is another such object. */
function anything(): any {
  const f = function () { return anything(); };
  return new Proxy(f, {
    get: (_t, p) => (p === 'then' ? undefined : p === Symbol.toPrimitive ? () => '' : anything()),
    apply: () => anything(),
    construct: () => anything(),
  });
}

/** An object with the given members; other members are `anything()`. */
function ns<T extends object>(members: T): T & Record<string, any> {
  return new Proxy(members as T & Record<string, any>, { get: (t, p) => (p in t ? (t as any)[p] : anything()) });
}

const disposable = { dispose() {} };

export class Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
  constructor(a: number, b: number, c: number, d: number) {
    this.start = { line: a, character: b };
    this.end = { line: c, character: d };
  }
}
export class Position { constructor(public line: number, public character: number) {} }
export class MarkdownString { constructor(public value = '') {} }
export class Hover { constructor(public contents: MarkdownString, public range?: Range) {} }
export class CompletionItem {
  detail?: string; documentation?: unknown; sortText?: string; tags?: number[];
  constructor(public label: string, public kind?: number) {}
}
export class Diagnostic {
  code?: string; source?: string;
  constructor(public range: Range, public message: string, public severity: number) {}
}
export class CodeLens { constructor(public range: Range, public command?: { title: string; command: string }) {} }
export class InlineValueVariableLookup { constructor(public range: Range, public variableName: string, public caseSensitiveLookup: boolean) {} }
export class EvaluatableExpression { constructor(public range: Range, public expression?: string) {} }
export class DebugAdapterInlineImplementation { constructor(public implementation: unknown) {} }
export class EventEmitter { event = () => disposable; fire() {} dispose() {} }
export class ThemeColor { constructor(public id: string) {} }

export interface Registrations {
  commands: Map<string, Fn>;
  providers: Array<{ kind: string; selector: unknown; provider: any; triggers: unknown[] }>;
  debug: Array<{ kind: string; type: string; provider: any; trigger?: unknown }>;
  diagnostics: Map<string, unknown[]>;
  /** Commands run through vscode.commands.executeCommand, with their arguments. */
  executed: Array<{ id: string; args: unknown[] }>;
}

export function createVscodeStub(settings: Record<string, unknown> = {}, documents: unknown[] = []) {
  const reg: Registrations = { commands: new Map(), providers: [], debug: [], diagnostics: new Map(), executed: [] };
  const provider = (kind: string) => (selector: unknown, p: unknown, ...triggers: unknown[]) => {
    reg.providers.push({ kind, selector, provider: p, triggers });
    return disposable;
  };
  const debugProvider = (kind: string) => (type: string, p: unknown, trigger?: unknown) => {
    reg.debug.push({ kind, type, provider: p, trigger });
    return disposable;
  };
  const vscode = {
    Range, Position, MarkdownString, Hover, CompletionItem, Diagnostic, CodeLens, InlineValueVariableLookup,
    EvaluatableExpression, DebugAdapterInlineImplementation, EventEmitter, ThemeColor,
    CompletionItemKind: { Function: 2, Constant: 20, Variable: 5, Class: 6, Method: 1 },
    CompletionItemTag: { Deprecated: 1 },
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
    StatusBarAlignment: { Left: 1, Right: 2 },
    ConfigurationTarget: { Global: 1, Workspace: 2 },
    DebugConfigurationProviderTriggerKind: { Initial: 1, Dynamic: 2 },
    FileType: { File: 1, Directory: 2 },
    Uri: ns({ file: (p: string) => ({ scheme: 'file', fsPath: p, path: p, toString: () => `file://${p}` }), joinPath: anything }),
    l10n: { t: english },
    env: { language: 'en' },
    commands: ns({
      registerCommand: (id: string, fn: Fn) => { reg.commands.set(id, fn); return disposable; },
      executeCommand: async (id: string, ...args: unknown[]) => { reg.executed.push({ id, args }); return undefined; },
    }),
    languages: ns({
      registerHoverProvider: provider('hover'),
      registerCompletionItemProvider: provider('completion'),
      registerCodeLensProvider: provider('codelens'),
      registerInlineValuesProvider: provider('inlineValues'),
      registerEvaluatableExpressionProvider: provider('evaluatable'),
      createDiagnosticCollection: () => ({
        set: (uri: { toString(): string }, d: unknown[]) => reg.diagnostics.set(uri.toString(), d),
        delete: (uri: { toString(): string }) => reg.diagnostics.delete(uri.toString()),
        dispose() {},
      }),
    }),
    workspace: ns({
      textDocuments: documents,
      isTrusted: true,
      getConfiguration: () => ({ get: (k: string, d: unknown) => (k in settings ? settings[k] : d), update: async () => undefined }),
      onDidOpenTextDocument: () => disposable,
      onDidChangeTextDocument: () => disposable,
      onDidCloseTextDocument: () => disposable,
      onDidChangeConfiguration: () => disposable,
    }),
    window: ns({
      activeTextEditor: undefined,
      onDidChangeActiveTextEditor: () => disposable,
      createStatusBarItem: () => ({ show() {}, hide() {}, dispose() {} }),
      showErrorMessage: async () => undefined,
      showWarningMessage: async () => undefined,
      showInformationMessage: async () => undefined,
    }),
    debug: ns({
      registerDebugConfigurationProvider: debugProvider('configuration'),
      registerDebugAdapterDescriptorFactory: debugProvider('descriptor'),
      registerDebugAdapterTrackerFactory: debugProvider('tracker'),
    }),
  };
  return { vscode, reg };
}

/** Makes `require('vscode')` return the stub while `fn` runs (and for modules it loads). */
export function withVscode<T>(stub: object, fn: () => T): T {
  const m = Module as unknown as { _load: (req: string, ...rest: unknown[]) => unknown };
  const orig = m._load;
  m._load = function (req: string, ...rest: unknown[]) {
    return req === 'vscode' ? stub : orig.call(this, req, ...rest);
  };
  try {
    return fn();
  } finally {
    m._load = orig;
  }
}

/** A TextDocument over a string. */
export function fakeDocument(text: string, languageId = 'pygc', fsPath = '/w/scenario.pygc') {
  const lines = text.split('\n');
  return {
    languageId,
    isClosed: false,
    uri: { scheme: 'file', fsPath, path: fsPath, toString: () => `file://${fsPath}` },
    lineCount: lines.length,
    getText: () => text,
    lineAt: (i: number) => ({ text: lines[i] ?? '' }),
  };
}
