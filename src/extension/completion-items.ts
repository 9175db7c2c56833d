// The members offered after `gc.`, `sys.` and `weakref.` (or an alias of
// them): only those the selected CPython version has; unsupported ones last,
// marked. Plain data for completion.ts.
import { availableIn, moduleMembers, type ApiDoc, type DocLang } from './docs/api-docs';

export interface MemberItem {
  label: string;
  kind: ApiDoc['kind'];
  detail: string;
  documentation: string;
  /** Sorts after the others (members PyGC Lab does not simulate). */
  unsupported: boolean;
  sortText: string;
}

export function memberItems(module: string, version: string, lang: DocLang): MemberItem[] {
  return moduleMembers(module)
    .filter((d) => availableIn(d, version))
    .map((d, i) => ({
      label: d.name.slice(module.length + 1),
      kind: d.kind,
      detail: d.signature,
      documentation: d[lang].summary,
      unsupported: Boolean(d.unsupported),
      sortText: `${d.unsupported ? 'z' : 'a'}${String(i).padStart(3, '0')}`,
    }));
}
