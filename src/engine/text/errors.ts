// PyError: the one exception type thrown by the text library, carrying the
// CPython exception class name and its message exactly as CPython 3.11 words it.

import { strRepr } from './strrepr';

/** Python exception class names this library raises. */
export type PyErrorType =
  | 'TypeError'
  | 'ValueError'
  | 'ZeroDivisionError'
  | 'OverflowError'
  | 'IndexError'
  | 'KeyError'
  | 'MemoryError'
  | 'AttributeError';

/**
 * A Python exception raised by library code. `message` is `str(exc)`, i.e. the
 * text after "TypeError: " in a traceback. For KeyError that is the repr of the
 * key (CPython prints `KeyError: 'a'`); the raw key is in `key`.
 */
export class PyError extends Error {
  readonly pyType: PyErrorType;
  readonly key: string | undefined;

  constructor(pyType: PyErrorType, message: string, key?: string) {
    super(message);
    this.pyType = pyType;
    this.key = key;
    this.name = 'PyError';
  }
}

export function typeError(message: string): PyError {
  return new PyError('TypeError', message);
}

export function valueError(message: string): PyError {
  return new PyError('ValueError', message);
}

export function overflowError(message: string): PyError {
  return new PyError('OverflowError', message);
}

export function zeroDivisionError(message: string): PyError {
  return new PyError('ZeroDivisionError', message);
}

/** KeyError(key) for a str key: CPython shows the key's repr. */
export function keyError(key: string): PyError {
  return new PyError('KeyError', strRepr(key), key);
}
