// `npm run bench`: performance figures, measured side by side with CPython in
// one run and printed as ratios (this machine is shared and noisy: compare
// ratios, not absolute times).
//  1. bench/alloc_cycles.py: wall time of `pygc run --python X.Y` vs that CPython, for every
//     registered profile (target ≤ 5×).
//  2. bench/collect_reachable.py: time of one gc.collect() over 1,000,000 reachable
//     tracked objects, engine vs CPython, per profile, each run in a fresh process (target ≤ 3×).
//  3. Parsing and compiling a 10 MB scenario: Engine.compile() vs CPython's
//     compile() of the same text (reported as a ratio; no target set).
//  4. then the extension's activation (scripts/bench-extension.ts), the debug adapter's (scripts/bench-dap.mjs) and the GC panel's
//     (scripts/bench-panel.mjs, needs /usr/bin/chromium) benchmarks; BENCH_CORE_ONLY=1 skips them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
if (!fs.existsSync(path.join(ROOT, 'dist', 'engine.js'))) spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
const { Engine, availableProfiles } = require(path.join(ROOT, 'dist', 'engine.js'));

function python(ver) {
  const root = path.join(process.env.PYENV_ROOT || path.join(os.homedir(), '.pyenv'), 'versions');
  if (fs.existsSync(root)) {
    const v = fs.readdirSync(root).filter((d) => d.startsWith(ver + '.')).sort().pop();
    if (v) return path.join(root, v, 'bin', 'python');
  }
  return `python${ver}`;
}

const PY = python('3.11');
/** Profiles without a CPython here (3.14: only Pyodide, not comparable for speed) are skipped. */
const haveCPython = (ver) => spawnSync(python(ver), ['-c', '0']).status === 0;
const benchProfiles = () => (process.env.BENCH_PROFILES ? process.env.BENCH_PROFILES.split(',') : availableProfiles())
  .filter((ver) => haveCPython(ver) || (console.log(`(no CPython ${ver} on this machine: ${ver} skipped)\n`), false));
const runs = Number(process.env.BENCH_RUNS || 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function timeCmd(cmd, args, cwd) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 26 });
  const t = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return { t, out: r.stdout };
}

console.log(`PyGC Lab benchmarks — ${new Date().toISOString().slice(0, 10)}, ${os.cpus()[0].model}, ${os.cpus().length} cores, node ${process.version}`);
console.log(`median of ${runs} runs; load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}\n`);

// 1. Allocation loop with automatic collection, for every profile against the matching CPython.
for (const ver of benchProfiles()) {
  const py = python(ver);
  const file = path.join(ROOT, 'bench', 'alloc_cycles.py');
  const cpy = [], sim = [];
  let outC = '', outS = '';
  for (let i = 0; i < runs; i++) {
    const c = timeCmd(py, [file], ROOT); cpy.push(c.t); outC = c.out;
    const s = timeCmd(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'run', file, '--python', ver], ROOT); sim.push(s.t); outS = s.out;
  }
  const ratio = median(sim) / median(cpy);
  console.log(`alloc_cycles --python ${ver} (1,000,000 instances, half in 2-cycles, automatic collection)`);
  console.log(`  CPython ${ver} ${median(cpy).toFixed(3)} s   pygc run ${median(sim).toFixed(3)} s   ratio ${ratio.toFixed(2)}× (target ≤ 5×)`);
  console.log(`  output: CPython "${outC.trim()}" / pygc "${outS.trim()}"${outC === outS ? ' (same)' : ' (DIFFERENT)'}\n`);
}

// 2. One full collection over 1,000,000 reachable tracked objects, per profile.
for (const ver of benchProfiles()) {
  const file = path.join(ROOT, 'bench', 'collect_reachable.py');
  const src = fs.readFileSync(file, 'utf8');
  const cpy = [], sim = [];
  for (let i = 0; i < runs; i++) {
    const c = timeCmd(python(ver), [file], ROOT);
    cpy.push(Number(/collect seconds ([\d.]+)/.exec(c.out)[1]));
    // The engine also runs in a fresh process each time (scripts/bench-collect-one.mjs).
    const one = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'bench-collect-one.mjs'), file, ver], { encoding: 'utf8' });
    sim.push(Number(one.stdout.trim()));
  }
  const ratio = median(sim) / median(cpy);
  console.log(`collect_reachable --python ${ver} (gc.collect() over 1,000,000 reachable tracked objects)`);
  console.log(`  CPython ${ver} ${median(cpy).toFixed(4)} s   engine ${median(sim).toFixed(4)} s   ratio ${ratio.toFixed(2)}× (target ≤ 3×)`);
}

// 3. Parse + compile of a ~10 MB scenario (many repetitions of a realistic unit).
{
  const unit = fs.readFileSync(path.join(ROOT, 'examples', fs.readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.pygc')).sort()[0]), 'utf8') +
    'data = [' + Array.from({ length: 200 }, (_, i) => `(${i}, 'v${i}', ${i}.5)`).join(', ') + ']\n';
  const src = unit.repeat(Math.ceil(10_000_000 / unit.length));
  const tmp = path.join(os.tmpdir(), `pygc-bench-parse-${process.pid}.py`);
  fs.writeFileSync(tmp, src);
  const cpy = [], sim = [];
  for (let i = 0; i < runs; i++) {
    const c = timeCmd(PY, ['-c', `import sys,time\ns=open(sys.argv[1]).read()\nt=time.perf_counter()\ncompile(s, 'x', 'exec')\nprint(time.perf_counter()-t)`, tmp], ROOT);
    cpy.push(Number(c.out.trim()));
    const e = new Engine(src, { filename: tmp, python: '3.11', out: { stdout() {}, stderr() {} } });
    const t0 = process.hrtime.bigint();
    e.compile();
    sim.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  fs.unlinkSync(tmp);
  console.log(`\nparse+compile (${(src.length / 1e6).toFixed(1)} MB scenario)`);
  console.log(`  CPython compile() ${median(cpy).toFixed(3)} s   engine ${median(sim).toFixed(3)} s   ratio ${(median(sim) / median(cpy)).toFixed(2)}×`);
}

if (!process.env.BENCH_CORE_ONLY) {
  for (const script of ['bench-extension.ts', 'bench-dap.mjs', 'bench-panel.mjs']) {
    console.log('');
    const pre = script.endsWith('.ts') ? ['--import', 'tsx'] : [];
    spawnSync(process.execPath, [...pre, path.join(ROOT, 'scripts', script)], { cwd: ROOT, stdio: 'inherit' });
  }
}
