// Reprs that read differently in CPython 2.7: ints beyond the machine word
// are `long` objects and print with an `L` suffix (repr only; str() has none),
// and sets print as `set([1, 2])` / `frozenset([…])` / `set([])`.
// Known gap: a long stays long after arithmetic (`2**63 - 1` is `…807L`); the
// simulator has one int type and marks only values beyond the machine word.

const MAXINT = 2n ** 63n - 1n;

/** repr of an int value: 2.7 marks values outside [-sys.maxint-1, sys.maxint] as long ('L'). */
export function py2IntRepr(v: number | bigint): string {
  const b = BigInt(v);
  return b > MAXINT || b < -MAXINT - 1n ? `${b}L` : String(b);
}

/** set_repr of 2.7 (items already repr'd, in iteration order). */
export function py2SetRepr(typeName: string, items: string[]): string {
  return `${typeName}([${items.join(', ')}])`;
}
