// Reading a scenario file with clear errors (missing, unreadable, a folder).

import fs from 'node:fs';

export function readScenario(file: string): string | { error: string } {
  try {
    const st = fs.statSync(file);
    if (st.isDirectory()) return { error: `pygc: ${file}: is a directory` };
    const buf = fs.readFileSync(file);
    return buf.toString('utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { error: `pygc: can't open file '${file}': [Errno 2] No such file or directory` };
    return { error: `pygc: can't open file '${file}': ${(e as Error).message}` };
  }
}
