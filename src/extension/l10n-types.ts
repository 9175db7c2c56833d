// The translation function the pure modules take: `vscode.l10n.t` in the
// extension, a `{0}`-substituting identity in unit tests. Strings passed to it
// are literal English text, so the l10n bundle check can find them.

export type Translate = (message: string, ...args: Array<string | number | boolean>) => string;

/** English, with `{0}`, `{1}` … replaced by the arguments. */
export const english: Translate = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : m));
