// Diagnostics as you type: the parser the engine uses (src/lang `diagnose`)
// runs on each scenario, debounced, and its errors become squiggles with
// the exact range. The parser is loaded on first use, not at activation.
import * as vscode from 'vscode';
import { MAX_DIAGNOSE_CHARS, toDiagnosticData, type DiagnosticData } from './diagnostic-map';
import { LANGUAGE_ID } from './settings';

const DEBOUNCE_MS = 250;

type Diagnose = typeof import('../lang').diagnose;
let diagnoseFn: Diagnose | undefined;
function parser(): Diagnose {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  diagnoseFn ??= (require('../lang') as typeof import('../lang')).diagnose;
  return diagnoseFn;
}

export function toDiagnostic(d: DiagnosticData): vscode.Diagnostic {
  const r = d.range;
  const diag = new vscode.Diagnostic(
    new vscode.Range(r.line, r.character, r.endLine, r.endCharacter), d.message, vscode.DiagnosticSeverity.Error);
  diag.code = d.code;
  diag.source = d.source;
  return diag;
}

export function computeDiagnostics(doc: vscode.TextDocument): vscode.Diagnostic[] {
  const text = doc.getText();
  if (text.length > MAX_DIAGNOSE_CHARS) {
    const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0),
      vscode.l10n.t('This scenario is too large to check as you type ({0} characters); it is checked when it runs.', text.length),
      vscode.DiagnosticSeverity.Information);
    d.source = 'pygc';
    return [d];
  }
  const errors = parser()(text, doc.uri.scheme === 'file' ? doc.uri.fsPath : doc.uri.path);
  return toDiagnosticData(errors, text.split(/\r\n|\r|\n/)).map(toDiagnostic);
}

export function registerDiagnostics(context: vscode.ExtensionContext): vscode.DiagnosticCollection {
  const collection = vscode.languages.createDiagnosticCollection('pygc');
  const timers = new Map<string, NodeJS.Timeout>();
  const refresh = (doc: vscode.TextDocument, delay: number) => {
    const key = doc.uri.toString();
    clearTimeout(timers.get(key));
    if (doc.languageId !== LANGUAGE_ID) { collection.delete(doc.uri); return; }
    timers.set(key, setTimeout(() => {
      timers.delete(key);
      if (doc.isClosed) return;
      try {
        collection.set(doc.uri, computeDiagnostics(doc));
      } catch (e) {
        collection.delete(doc.uri);
        console.error('pygc: diagnostics failed', e);
      }
    }, delay));
  };
  context.subscriptions.push(
    collection,
    vscode.workspace.onDidOpenTextDocument((d) => refresh(d, 0)),
    vscode.workspace.onDidChangeTextDocument((e) => refresh(e.document, DEBOUNCE_MS)),
    vscode.workspace.onDidCloseTextDocument((d) => { clearTimeout(timers.get(d.uri.toString())); collection.delete(d.uri); }),
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
  );
  vscode.workspace.textDocuments.forEach((d) => refresh(d, 0));
  return collection;
}
