// Error messages whose wording changed between CPython versions
// (test/scenarios/lang_error_wording.py): the engine raises the newest wording and
// these give the one the profile's version prints.

import type { Profile } from '../profile';

function atLeast(p: Profile, minor: number): boolean {
  const [major, m] = p.version;
  return major > 3 || (major === 3 && m >= minor);
}

/** A text-library message (ops.rethrow) in the profile's wording. */
export function versionedMessage(p: Profile, message: string): string {
  if (atLeast(p, 14)) {
    // 3.14 (measured in 3.14.2): one wording for every int/float division and modulo by zero.
    switch (message) {
      case 'integer division or modulo by zero': case 'integer modulo by zero': case 'float division by zero':
      case 'float floor division by zero': case 'float modulo': case 'float divmod()': return 'division by zero';
      case '0.0 cannot be raised to a negative power': return 'zero to a negative power';
    }
  }
  switch (message) {
    // long_mod / long_divmod: one message for both before 3.11.
    case 'integer modulo by zero': return atLeast(p, 11) ? message : 'integer division or modulo by zero';
    // float_floor_div called float_divmod before 3.9.
    case 'float floor division by zero': return atLeast(p, 9) ? message : 'float divmod()';
    case 'float modulo': return atLeast(p, 13) ? 'float modulo by zero' : message;
    case 'base is not invertible for the given modulus':
      return atLeast(p, 8) ? message : 'pow() 2nd argument cannot be negative when 3rd argument specified';
    default: return message;
  }
}

/** Setting or deleting a property without a setter or deleter (property_descr_set). */
export function propertyNoAccessor(p: Profile, name: string, typeName: string, deleting: boolean): string {
  if (atLeast(p, 11)) return `property '${name}' of '${typeName}' object has no ${deleting ? 'deleter' : 'setter'}`;
  const what = deleting ? "can't delete attribute" : "can't set attribute";
  return atLeast(p, 10) ? `${what} '${name}'` : what;
}

/** min()/max() of an empty iterable without a default. */
export function emptyMinMax(p: Profile, name: string): string {
  return atLeast(p, 12) ? `${name}() iterable argument is empty` : `${name}() arg is an empty sequence`;
}

/** "a real number" (3.10+) or "a number", as in int() and float() argument errors. */
export function numberWord(p: Profile): string { return p.percentNumberWord; }

/** list.index of a missing value: 3.14 names the method (measured in 3.14.2). */
export function notInList(p: Profile, valueRepr: () => string): string {
  return atLeast(p, 14) ? 'list.index(x): x not in list' : `${valueRepr()} is not in list`;
}

/** Unpacking too many values; 3.14 adds the length of a list, tuple or dict (measured in 3.14.2). */
export function tooManyToUnpack(p: Profile, expected: number, got: number | null): string {
  return atLeast(p, 14) && got !== null ? `too many values to unpack (expected ${expected}, got ${got})`
    : `too many values to unpack (expected ${expected})`;
}
