// Reading a scenario file with clear errors (missing, unreadable, a folder).

import fs from 'node:fs';
import path from 'node:path';

export function readScenario(file: string): string | { error: string } {
  try {
    const st = fs.statSync(file);
    if (st.isDirectory()) return { error: `pygc: ${file}: is a directory` };
    const buf = fs.readFileSync(file);
    try {
      return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(new Uint8Array(buf));
    } catch {
      // CPython's tokenizer: the first byte that is not valid UTF-8, and its line.
      const okUpTo = validPrefix(buf);
      const line = buf.subarray(0, okUpTo).toString('latin1').split('\n').length;
      const hex = buf[okUpTo].toString(16).padStart(2, '0');
      return { error: `SyntaxError: Non-UTF-8 code starting with '\\x${hex}' in file ${path.resolve(file)} on line ${line}, but no encoding declared; see https://peps.python.org/pep-0263/ for details` };
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { error: `pygc: can't open file '${file}': [Errno 2] No such file or directory` };
    return { error: `pygc: can't open file '${file}': ${(e as Error).message}` };
  }
}

/** Length of the longest prefix of buf that is valid UTF-8. */
function validPrefix(buf: Buffer): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i];
    const n = b < 0x80 ? 1 : (b >> 5) === 6 ? 2 : (b >> 4) === 14 ? 3 : (b >> 3) === 30 ? 4 : 0;
    if (n === 0 || i + n > buf.length) return i;
    for (let k = 1; k < n; k++) if ((buf[i + k] >> 6) !== 2) return i;
    i += n;
  }
  return i;
}
