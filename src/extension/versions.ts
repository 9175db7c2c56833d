// The CPython versions PyGC Lab simulates (profiles), with a one-line
// summary of what sets each apart, for the version picker and the status bar.
import type { Translate } from './l10n-types';

export const PYTHON_VERSIONS = ['2.7', '3.6', '3.7', '3.8', '3.9', '3.10', '3.11', '3.12', '3.13', '3.14'] as const;
export type PythonVersion = (typeof PYTHON_VERSIONS)[number];
export const DEFAULT_VERSION: PythonVersion = '3.11';

export function isPythonVersion(v: unknown): v is PythonVersion {
  return typeof v === 'string' && (PYTHON_VERSIONS as readonly string[]).includes(v);
}

/** What distinguishes the version, in a few words (facts from the oracle's SPEC.md). */
export function versionSummary(v: PythonVersion, t: Translate): string {
  switch (v) {
    case '2.7': return t('cycles with __del__ are uncollectable (gc.garbage); thresholds 700, 10, 10');
    case '3.6': return t('PEP 442 finalizers; instance __dict__ objects; bound-method allocations');
    case '3.7': return t('gc.freeze(); a resurrecting __del__ keeps the whole unreachable set');
    case '3.8': return t('get_objects(generation); DEBUG_STATS always prints counts');
    case '3.9': return t('only the resurrected part of the garbage survives');
    case '3.10': return t('last version with a separate __dict__ per instance');
    case '3.11': return t('inline attribute values; arguments moved into the callee (+1)');
    case '3.12': return t('immortal objects (refcount 4294967295); collection at the eval breaker');
    case '3.13': return t('threshold 2000; materialised __dict__ untracked');
    case '3.14': return t('incremental GC (young and old generations); immortal refcount 3 << 30');
  }
}
