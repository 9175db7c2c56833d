// Shared by the unit tests: run a scenario's text in the engine under one profile and
// collect what it prints and its exit code (compile errors are thrown, as ScenarioError).
import { Engine } from '../../src/engine/engine';

export function runEngine(src: string, python: string): { stdout: string; stderr: string; exitCode: number } {
  const out = { stdout: '', stderr: '' };
  const e = new Engine(src, { filename: '/t/s.py', python,
    out: { stdout: (s) => { out.stdout += s; }, stderr: (s) => { out.stderr += s; } } });
  e.compile();
  const r = e.run();
  return { ...out, exitCode: r.exitCode };
}
