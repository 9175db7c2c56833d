// Is an exception that is passing through a frame going to end the program?
// Looks for a handler (a try block) in that frame and every frame it returns
// to. Code entered from native code for a finalizer or a callback never lets
// an exception out (CPython reports it as "Exception ignored in …"), so those
// frames end the search with "caught".

import type { Frame } from '../engine/vm/frame';
import { BLOCK_SETUP } from '../engine/vm/frame';

export function isUncaught(frame: Frame): boolean {
  for (let f: Frame | null = frame; f; f = f.back) {
    if (f.blocks.some((b) => b.type === BLOCK_SETUP)) return false;
    if (f.role === 'finalizer' || f.role === 'callback') return false;
  }
  return true;
}
