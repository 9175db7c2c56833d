// Completions after `gc.`, `sys.` and `weakref.` (and their aliases): the
// members the selected CPython version has, with signature and summary.
import * as vscode from 'vscode';
import { memberItems, type MemberItem } from './completion-items';
import { docLang } from './hover-text';
import { pythonVersion } from './settings';
import { importAliases, memberContext } from './symbols';

const KINDS: Record<MemberItem['kind'], vscode.CompletionItemKind> = {
  function: vscode.CompletionItemKind.Function,
  constant: vscode.CompletionItemKind.Constant,
  variable: vscode.CompletionItemKind.Variable,
  class: vscode.CompletionItemKind.Class,
  method: vscode.CompletionItemKind.Method,
};

export class MemberCompletionProvider implements vscode.CompletionItemProvider {
  provideCompletionItems(doc: vscode.TextDocument, pos: vscode.Position): vscode.CompletionItem[] | undefined {
    const prefix = doc.lineAt(pos.line).text.slice(0, pos.character);
    const ctx = memberContext(prefix, importAliases(doc.getText()));
    if (!ctx) return undefined;
    return memberItems(ctx.module, pythonVersion(doc.uri), docLang(vscode.env.language)).map((m) => {
      const item = new vscode.CompletionItem(m.label, KINDS[m.kind]);
      item.detail = m.detail;
      item.documentation = new vscode.MarkdownString(m.documentation);
      item.sortText = m.sortText;
      if (m.unsupported) item.tags = [vscode.CompletionItemTag.Deprecated];
      return item;
    });
  }
}
