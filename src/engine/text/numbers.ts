// Entry point for Python numeric semantics on plain JS values: re-exports the
// int, float, parsing, rounding and radix modules.

export * from './int';
export * from './float';
export * from './parse';
export * from './round';
export * from './radix';
