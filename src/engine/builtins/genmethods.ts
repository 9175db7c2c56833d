// The generator type's methods: close(), __next__ (2.7: next), __iter__, and in 3.x
// the __del__ wrapper of tp_finalize (_PyGen_Finalize), which is how the collector
// finds that a generator has a finalizer (PEP 442). send() and throw() are refused.

import type { Interp } from '../interp';
import { PyGenerator, PyObject } from '../objects';
import { exactArgs } from './args';
import { NotSupportedRuntime } from '../errors';
import { genClose, genFinalize, genNextBuiltin } from '../vm/generator';

type Method = (self: PyObject, args: PyObject[], kwnames: string[] | null) => PyObject;

export function generatorMethods(it: Interp): Record<string, Method> {
  const refuse = (what: string): Method => () => {
    throw new NotSupportedRuntime(`generator.${what}()`, it.frame ? it.frame.lineno : 0);
  };
  const next: Method = (s, a, k) => {
    exactArgs(it, it.profile.version[0] === 2 ? 'next' : '__next__', a, k, 0);
    const v = genNextBuiltin(it, s as PyGenerator);
    if (v === null) it.raise('StopIteration');
    return v;
  };
  const m: Record<string, Method> = {
    close: (s, a, k) => { exactArgs(it, 'close', a, k, 0); return genClose(it, s as PyGenerator); },
    send: refuse('send'),
    throw: refuse('throw'),
    __iter__: (s, a, k) => { exactArgs(it, '__iter__', a, k, 0); return it.inc(s); },
  };
  if (it.profile.version[0] === 2) m.next = next;
  else {
    m.__next__ = next;
    m.__del__ = (s, a, k) => { exactArgs(it, '__del__', a, k, 0); genFinalize(it, s as PyGenerator); return it.newNone(); };
  }
  return m;
}
