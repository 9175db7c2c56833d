// The text library in one import: Python value semantics (int, float, str,
// bytes repr, % formatting, format specs, str methods) on plain JS values.

export * from './errors';
export * from './codepoints';
export * from './numbers';
export * from './floatrepr';
export * from './strrepr';
export * from './percent';
export * from './formatspec';
export * from './strmethods';
export * from './slice';
export { libmPow, fma } from './pow';
export { UNICODE_VERSION } from './unicode-data';
export {
  cpFlags, decimalValue, isPrintableCp, isSpaceCp, isLineBreakCp, upperOf, lowerOf, titleOf, foldOf,
} from './unicode';
