// Inline values while paused: each name used in the current function (or the
// module) up to the stopped line is looked up in the Variables view, whose
// value for a pygc session carries the refcount ("refcount 2 · gen 0").
// Hovering an expression evaluates the dotted name under the pointer.
import * as vscode from 'vscode';
import { expressionAt, namesForInlineValues, scopeStart } from './inline-values-scan';

export class ScenarioInlineValuesProvider implements vscode.InlineValuesProvider {
  provideInlineValues(doc: vscode.TextDocument, viewPort: vscode.Range, context: vscode.InlineValueContext): vscode.InlineValue[] {
    const stopped = Math.min(context.stoppedLocation.end.line, doc.lineCount - 1);
    const lines: string[] = [];
    for (let i = 0; i <= stopped; i++) lines.push(doc.lineAt(i).text);
    const from = Math.max(viewPort.start.line, scopeStart(lines, stopped));
    const seen = new Set<string>();
    const values: vscode.InlineValue[] = [];
    for (const n of namesForInlineValues(lines, from, stopped)) {
      const key = `${n.line}:${n.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      values.push(new vscode.InlineValueVariableLookup(new vscode.Range(n.line, n.start, n.line, n.end), n.name, true));
    }
    return values;
  }
}

export class ScenarioEvaluatableExpressionProvider implements vscode.EvaluatableExpressionProvider {
  provideEvaluatableExpression(doc: vscode.TextDocument, pos: vscode.Position): vscode.EvaluatableExpression | undefined {
    const e = expressionAt(doc.lineAt(pos.line).text, pos.character);
    return e ? new vscode.EvaluatableExpression(new vscode.Range(pos.line, e.start, pos.line, e.end), e.text) : undefined;
  }
}
