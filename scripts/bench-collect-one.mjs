// One engine measurement for `npm run bench` (collect_reachable): run the scenario
// under one profile in this fresh process and print the time of its second
// gc.collect() in seconds. A process per run, like CPython's side of the comparison,
// so that earlier profiles' heaps and JIT feedback do not weigh on this one.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { Engine } = require(path.join(ROOT, 'dist', 'engine.js'));
const [file, ver] = process.argv.slice(2);
const src = fs.readFileSync(file, 'utf8');
let t0 = 0n;
const durations = [];
const e = new Engine(src, { filename: file, python: ver, out: { stdout() {}, stderr() {} } });
e.compile();
e.it.setListener((ev) => {
  if (ev.kind === 'collect-start') t0 = process.hrtime.bigint();
  if (ev.kind === 'collect-end') durations.push(Number(process.hrtime.bigint() - t0) / 1e9);
});
e.run();
console.log(durations[1]); // [0] is the collect() after building, [1] the timed one
