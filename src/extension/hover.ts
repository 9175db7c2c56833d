// Hovers on gc.*, sys.*, weakref.* and dunder methods: what they do and how
// CPython versions differ, for the profile selected in pygc.pythonVersion.
import * as vscode from 'vscode';
import { docLang, hoverFor } from './hover-text';
import { pythonVersion } from './settings';
import { importAliases, symbolAt } from './symbols';

export class ApiHoverProvider implements vscode.HoverProvider {
  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const line = doc.lineAt(pos.line).text;
    const sym = symbolAt(line, pos.character, importAliases(doc.getText()));
    if (!sym) return undefined;
    const md = hoverFor(sym.qualified, docLang(vscode.env.language), pythonVersion(doc.uri), vscode.l10n.t);
    if (!md) return undefined;
    return new vscode.Hover(new vscode.MarkdownString(md), new vscode.Range(pos.line, sym.start, pos.line, sym.end));
  }
}
