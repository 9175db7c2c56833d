// DAP robustness, property-based (fast-check): random sequences of valid and
// malformed requests, sent to a stopped session; every request gets a
// response, and the adapter is alive at the end. Malformed messages (not
// JSON, not a request) do not end the session either.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import fc from 'fast-check';
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { DebugClient } from '@vscode/debugadapter-testsupport';
import * as h from './helpers';

const PROGRAM = path.join(h.EXAMPLES, 'd_collect_debug_stats.pygc');

const junk = fc.oneof(
  fc.constant(null), fc.constant(undefined), fc.integer({ min: -5, max: 3000 }), fc.string({ maxLength: 12 }),
  fc.double(), fc.boolean(), fc.constant([]), fc.constant({}), fc.constant({ __proto__: null, x: 1 }),
);
const expression = fc.oneof(
  fc.constantFrom('c1', 'gc.get_count()', 'len(gc.garbage)', 'x = 1', 'gc.collect()', '1 +', ')', 'c1.t', 'import os',
    'ClassA()', 'f3', '"é" * 3', 'lambda: 0', 'sys.getrefcount(1)', '[i for i in range(3)]', 'del c1', ''),
  fc.string({ maxLength: 20 }),
);
const ref = fc.oneof(fc.integer({ min: 0, max: 60 }), junk);
const source = fc.oneof(fc.constant({ path: PROGRAM }), fc.constant({ path: '/nowhere.pygc' }), junk);

/** A request: a command and arguments that are sometimes right, often wrong. */
const request = fc.oneof(
  fc.record({ command: fc.constantFrom('threads', 'configurationDone', 'loadedSources', 'modules', 'restart', 'source', 'nonsense', 'pygc/timeline', 'pygc/snapshot'), args: junk }),
  fc.record({ command: fc.constant('stackTrace'), args: fc.record({ threadId: fc.oneof(fc.constant(1), junk), startFrame: fc.oneof(fc.nat(5), junk), levels: fc.oneof(fc.nat(5), junk) }, { requiredKeys: [] }) }),
  fc.record({ command: fc.constant('scopes'), args: fc.record({ frameId: ref }, { requiredKeys: [] }) }),
  fc.record({ command: fc.constant('variables'), args: fc.record({ variablesReference: ref, filter: fc.oneof(fc.constantFrom('indexed', 'named'), junk), start: fc.oneof(fc.nat(400), junk), count: fc.oneof(fc.nat(50), junk) }, { requiredKeys: [] }) }),
  fc.record({ command: fc.constant('evaluate'), args: fc.record({ expression: fc.oneof(expression, junk), frameId: ref, context: fc.oneof(fc.constantFrom('hover', 'watch', 'repl', 'clipboard'), junk) }, { requiredKeys: [] }) }),
  fc.record({ command: fc.constant('setVariable'), args: fc.record({ variablesReference: ref, name: fc.oneof(fc.constantFrom('c1', 'c2', 't', '[refcount]'), junk), value: fc.oneof(expression, junk) }, { requiredKeys: [] }) }),
  fc.record({ command: fc.constant('completions'), args: fc.record({ text: fc.oneof(expression, junk), column: fc.oneof(fc.integer({ min: -3, max: 30 }), junk), frameId: ref }, { requiredKeys: [] }) }),
  fc.record({ command: fc.constantFrom('next', 'stepIn', 'stepOut', 'stepBack', 'continue', 'reverseContinue', 'pause'), args: fc.record({ threadId: fc.oneof(fc.constant(1), junk) }, { requiredKeys: [] }) }),
  fc.record({ command: fc.constant('setBreakpoints'), args: fc.record({ source, breakpoints: fc.oneof(fc.array(fc.record({ line: fc.oneof(fc.integer({ min: -2, max: 40 }), junk), condition: fc.oneof(expression, junk), hitCondition: fc.oneof(fc.constantFrom('2', '>= 1', '% 2', 'x'), junk), logMessage: fc.oneof(fc.constant('{c1}'), junk) }, { requiredKeys: [] }), { maxLength: 3 }), junk), lines: fc.oneof(fc.array(fc.integer(), { maxLength: 2 }), junk) }, { requiredKeys: [] }) }),
  fc.record({ command: fc.constant('setFunctionBreakpoints'), args: fc.record({ breakpoints: fc.oneof(fc.array(fc.record({ name: fc.oneof(fc.constantFrom('f3', 'ClassA.__del__', 'gc.collect'), junk) }, { requiredKeys: [] }), { maxLength: 3 }), junk) }, { requiredKeys: [] }) }),
  fc.record({ command: fc.constant('setExceptionBreakpoints'), args: fc.record({ filters: fc.oneof(fc.array(fc.constantFrom('uncaught', 'raised', 'collectionStart', 'cyclicGarbage', 'bogus'), { maxLength: 3 }), junk), filterOptions: fc.oneof(fc.array(fc.record({ filterId: fc.oneof(fc.constantFrom('collectionStart', 'resurrected'), junk), condition: fc.oneof(fc.constantFrom('0', '2', 'x'), junk) }, { requiredKeys: [] }), { maxLength: 2 }), junk) }, { requiredKeys: [] }) }),
  fc.record({ command: fc.constant('dataBreakpointInfo'), args: fc.record({ variablesReference: ref, name: fc.oneof(fc.constantFrom('c1', 'c2', 't'), junk), frameId: ref }, { requiredKeys: [] }) }),
  fc.record({ command: fc.constant('setDataBreakpoints'), args: fc.record({ breakpoints: fc.oneof(fc.array(fc.record({ dataId: fc.oneof(fc.constantFrom('refcount:870', 'free:3', 'refcount:x'), junk), accessType: fc.oneof(fc.constantFrom('write', 'read'), junk) }, { requiredKeys: [] }), { maxLength: 2 }), junk) }, { requiredKeys: [] }) }),
  fc.record({ command: fc.constantFrom('gotoTargets', 'breakpointLocations'), args: fc.record({ source, line: fc.oneof(fc.integer({ min: -1, max: 40 }), junk) }, { requiredKeys: [] }) }),
  fc.record({ command: fc.constant('goto'), args: fc.record({ threadId: fc.constant(1), targetId: fc.oneof(fc.integer({ min: -2, max: 60 }), junk) }, { requiredKeys: [] }) }),
  fc.record({ command: fc.constant('pygc/gotoStep'), args: fc.record({ step: fc.oneof(fc.integer({ min: -2, max: 60 }), junk) }, { requiredKeys: [] }) }),
  fc.record({ command: fc.constant('exceptionInfo'), args: fc.record({ threadId: fc.oneof(fc.constant(1), junk) }, { requiredKeys: [] }) }),
  fc.record({ command: fc.constant('launch'), args: junk }),
);

/** Resolves with the response (success or failure), or null if none came in time. */
function send(dc: DebugClient, command: string, args: unknown, timeout = 15000): Promise<DebugProtocol.Response | null> {
  return Promise.race([h.raw(dc, command, args), new Promise<null>((r) => setTimeout(() => r(null), timeout))]);
}

test('random request sequences always get answers and never kill the adapter', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(request, { minLength: 5, maxLength: 25 }), async (reqs) => {
      const dc = await h.startClient();
      try {
        await h.launch(dc, PROGRAM, { stopOnEntry: true });
        for (const r of reqs) {
          const response = await send(dc, r.command, r.args);
          assert.ok(response, `no response to ${r.command} ${JSON.stringify(r.args)}`);
        }
        const threads = await send(dc, 'threads', {});
        assert.ok(threads?.success, 'the adapter no longer answers');
      } finally {
        await dc.stop();
      }
    }),
    { numRuns: Number(process.env.PYGC_FUZZ_RUNS ?? 25), seed: process.env.PYGC_FUZZ_SEED ? Number(process.env.PYGC_FUZZ_SEED) : undefined },
  );
});

test('messages that are not JSON, not requests, or requests without arguments do not end the session', async () => {
  const dc = await h.startClient();
  try {
    await h.launch(dc, PROGRAM, { stopOnEntry: true });
    const out = (dc as unknown as { outputStream: NodeJS.WritableStream }).outputStream;
    for (const body of ['{not json', 'null', '42', '{"type":"request"}', '{"type":"response","request_seq":999}', '{"type":"event","event":"x"}']) {
      out.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    }
    for (const command of ['stackTrace', 'scopes', 'variables', 'evaluate', 'setVariable', 'launch', 'initialize', 'goto', 'completions']) {
      const r = await send(dc, command, undefined);
      assert.ok(r, command);
    }
    const st = await dc.stackTraceRequest({ threadId: 1 });
    assert.equal(st.body.stackFrames[0].line, 5);
  } finally {
    await dc.stop();
  }
});
