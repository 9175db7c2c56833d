// Finds which API symbol a position in a scenario names (`gc.collect`,
// `sys.getrefcount`, `__del__` …), following `import gc as g` and
// `from gc import collect [as c]`. Text only: no parser, no vscode.

export const API_MODULES = ['gc', 'sys', 'weakref'] as const;

const IDENT = /[A-Za-z_][A-Za-z0-9_]*/y;

/** Local name → qualified name: `g` → `gc`, `c` → `gc.collect`. Module names map to themselves. */
export function importAliases(source: string): Map<string, string> {
  const aliases = new Map<string, string>(API_MODULES.map((m) => [m, m]));
  for (const m of source.matchAll(/^[ \t]*import[ \t]+([^\n#;]+)/gm)) {
    for (const part of m[1].split(',')) {
      const a = /^\s*([A-Za-z_]\w*)(?:\s+as\s+([A-Za-z_]\w*))?\s*$/.exec(part);
      if (a && (API_MODULES as readonly string[]).includes(a[1]) && a[2]) aliases.set(a[2], a[1]);
    }
  }
  for (const m of source.matchAll(/^[ \t]*from[ \t]+(gc|sys|weakref)[ \t]+import[ \t]+\(?([^\n#;)]+)/gm)) {
    for (const part of m[2].split(',')) {
      const a = /^\s*([A-Za-z_]\w*)(?:\s+as\s+([A-Za-z_]\w*))?\s*$/.exec(part);
      if (a) aliases.set(a[2] ?? a[1], `${m[1]}.${a[1]}`);
    }
  }
  return aliases;
}

export interface WordAt { word: string; start: number; end: number }

/** The identifier under (or just left of) `character`, if any. */
export function wordAt(line: string, character: number): WordAt | undefined {
  let start = Math.min(character, line.length);
  while (start > 0 && /\w/.test(line[start - 1])) start--;
  IDENT.lastIndex = start;
  const m = IDENT.exec(line);
  if (!m || start + m[0].length < character) return undefined;
  return { word: m[0], start, end: start + m[0].length };
}

export interface SymbolAt extends WordAt {
  /** The qualified name: `gc.collect`, `__del__`. */
  qualified: string;
}

/** The qualified API name at a position, or undefined when the word is no API symbol. */
export function symbolAt(line: string, character: number, aliases: Map<string, string>): SymbolAt | undefined {
  const w = wordAt(line, character);
  if (!w) return undefined;
  if (/^__\w+__$/.test(w.word)) return { ...w, qualified: w.word };
  const before = line.slice(0, w.start);
  const dotted = /([A-Za-z_]\w*)\s*\.\s*$/.exec(before);
  if (dotted) {
    if (/\.\s*$/.test(before.slice(0, dotted.index))) return undefined; // a.gc.collect: not the module
    const mod = aliases.get(dotted[1]);
    if (mod && !mod.includes('.')) return { ...w, qualified: `${mod}.${w.word}` };
    return undefined;
  }
  const q = aliases.get(w.word);
  return q ? { ...w, qualified: q } : undefined;
}

/** The module whose members to complete when the text before the cursor ends in `gc.` / `g.col`. */
export function memberContext(prefix: string, aliases: Map<string, string>): { module: string; partial: string } | undefined {
  const m = /(?:^|[^\w.])([A-Za-z_]\w*)\s*\.\s*(\w*)$/.exec(prefix);
  if (!m) return undefined;
  const mod = aliases.get(m[1]);
  if (!mod || mod.includes('.')) return undefined;
  return { module: mod, partial: m[2] };
}
