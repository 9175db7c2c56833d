// Entry point for format(value, spec), f-string format specs and str.format:
// re-exports the spec renderer (formatcore.ts) and str.format (strformat.ts).

export * from './formatcore';
export * from './strformat';
