// The exception/event filters of the Breakpoints view and their translation
// to the runtime's EventFilters. "A collection starts" takes an optional
// condition naming a generation ("2", "generation == 2", "gen 1").

import type { DebugProtocol } from '@vscode/debugprotocol';
import type { EventFilters } from '../runtime';

export const FILTERS: DebugProtocol.ExceptionBreakpointsFilter[] = [
  { filter: 'uncaught', label: 'Uncaught exceptions', default: true,
    description: 'Stop where an exception that nothing handles was raised' },
  { filter: 'raised', label: 'Raised exceptions', default: false,
    description: 'Stop when any exception is raised (at the next line it reaches)' },
  { filter: 'collectionStart', label: 'A collection starts', default: false, supportsCondition: true,
    conditionDescription: 'Only this generation, e.g. "2"', description: 'Stop at the first phase of every collection (explicit or automatic)' },
  { filter: 'collectionAutomatic', label: 'A collection starts (only automatic collections)', default: false, supportsCondition: true,
    conditionDescription: 'Only this generation, e.g. "0"', description: 'Stop when count[0] passing threshold0 starts a collection' },
  { filter: 'cyclicGarbage', label: 'Cyclic garbage found', default: false,
    description: 'Stop after move_unreachable when a collection finds unreachable objects' },
  { filter: 'uncollectable', label: 'Object added to gc.garbage', default: false,
    description: 'Stop when an uncollectable object (or DEBUG_SAVEALL) lands in gc.garbage' },
  { filter: 'resurrected', label: 'Object resurrected', default: false,
    description: 'Stop when a finalizer makes an unreachable object reachable again' },
];

const KNOWN = new Set(FILTERS.map((f) => f.filter));

function parseGeneration(condition: string | undefined): number | null | 'bad' {
  if (condition === undefined || !condition.trim()) return null;
  const m = /^\s*(?:(?:gen(?:eration)?)\s*(?:==|=|:)?\s*)?([0-2])\s*$/i.exec(condition);
  return m ? Number(m[1]) : 'bad';
}

/** Translate the request into runtime filters; one Breakpoint per filter, unverified when its condition is bad. */
export function toEventFilters(args: DebugProtocol.SetExceptionBreakpointsArguments):
  { filters: EventFilters; breakpoints: DebugProtocol.Breakpoint[] } {
  const options: DebugProtocol.ExceptionFilterOptions[] = [
    ...(Array.isArray(args.filters) ? args.filters : []).map((f) => ({ filterId: String(f) })),
    ...(Array.isArray(args.filterOptions) ? args.filterOptions : []),
  ];
  const filters: EventFilters = {
    uncaught: false, raised: false, collectionStart: false, collectionAutomaticOnly: false, collectionGeneration: null,
    cyclicGarbage: false, uncollectable: false, resurrected: false,
  };
  const breakpoints: DebugProtocol.Breakpoint[] = [];
  let anyCollection = false;
  let automaticOnly = true;
  for (const o of options) {
    const id = o && typeof o.filterId === 'string' ? o.filterId : '';
    if (!KNOWN.has(id)) {
      breakpoints.push({ verified: false, message: `unknown filter '${id}' (known: ${[...KNOWN].join(', ')})` });
      continue;
    }
    if (id === 'collectionStart' || id === 'collectionAutomatic') {
      const g = parseGeneration(o.condition);
      if (g === 'bad') {
        breakpoints.push({ verified: false, message: `condition '${o.condition}' is not a generation (0, 1 or 2)` });
        continue;
      }
      anyCollection = true;
      if (id === 'collectionStart') automaticOnly = false;
      if (g !== null) filters.collectionGeneration = g;
    } else {
      (filters as unknown as Record<string, boolean>)[id] = true;
    }
    breakpoints.push({ verified: true });
  }
  filters.collectionStart = anyCollection;
  filters.collectionAutomaticOnly = anyCollection && automaticOnly;
  return { filters, breakpoints };
}
