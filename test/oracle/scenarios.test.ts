// The project's own scenarios (test/scenarios), recorded from real CPython by
// scripts/oracle/run_all.py --scenarios test/scenarios --outdir test/scenarios/results.
import * as path from 'node:path';
import { defineOracleTests } from './corpus';

const dir = path.join(__dirname, '..', 'scenarios');
defineOracleTests({
  label: 'scenarios',
  scenarios: dir,
  results: path.join(dir, 'results'),
  nosite: path.join(dir, 'results-nosite'),
  knownFile: path.join(dir, 'known-failures.json'),
});
