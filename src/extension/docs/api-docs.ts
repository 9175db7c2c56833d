// Hover documentation for the gc / sys / weakref API and the special methods
// that matter to memory management: what each does and how CPython versions
// differ. The facts are copied from the oracle's SPEC.md (observed on 2.7 and
// 3.6–3.13, 3.14 from the sources); nothing is read from ../shared at run time.
// English and Simplified Chinese; no vscode import (unit-tested).

export type DocLang = 'en' | 'zh-cn';

export interface ApiDocText {
  /** One paragraph: what it does. */
  summary: string;
  /** How CPython versions differ (bullets, each starting with the versions). */
  versions?: string[];
}

export interface ApiDoc {
  /** As written in a scenario: `gc.collect`, `sys.getrefcount`, `__del__`. */
  name: string;
  /** Call signature shown in the hover and the completion detail. */
  signature: string;
  kind: 'function' | 'constant' | 'variable' | 'class' | 'method';
  /** First CPython version that has it (e.g. '3.7' for gc.freeze), if not all. */
  since?: string;
  /** Last CPython version that has it (e.g. '2.7' for gc.DEBUG_OBJECTS), if not all. */
  until?: string;
  /** Not simulated by PyGC Lab (using it stops the scenario with NotSupportedError). */
  unsupported?: boolean;
  en: ApiDocText;
  'zh-cn': ApiDocText;
}

import { GC_DOCS } from './gc-docs';
import { SYS_WEAKREF_DOCS } from './sys-weakref-docs';
import { DUNDER_DOCS } from './dunder-docs';

export const API_DOCS: readonly ApiDoc[] = [...GC_DOCS, ...SYS_WEAKREF_DOCS, ...DUNDER_DOCS];

const BY_NAME = new Map(API_DOCS.map((d) => [d.name, d]));

export function apiDoc(name: string): ApiDoc | undefined {
  return BY_NAME.get(name);
}

/** Members of a module (`gc`, `sys`, `weakref`), in documentation order. */
export function moduleMembers(module: string): ApiDoc[] {
  const prefix = `${module}.`;
  return API_DOCS.filter((d) => d.name.startsWith(prefix));
}

/** Compares CPython versions given as 'X.Y'. */
export function compareVersions(a: string, b: string): number {
  const [am, an] = a.split('.').map(Number);
  const [bm, bn] = b.split('.').map(Number);
  return am !== bm ? am - bm : an - bn;
}

/** Whether the member exists on that CPython version. */
export function availableIn(doc: ApiDoc, version: string): boolean {
  return (!doc.since || compareVersions(version, doc.since) >= 0)
    && (!doc.until || compareVersions(version, doc.until) <= 0);
}
