// The examples/ folder (the article's examples and the feature tour), recorded
// from real CPython by scripts/oracle/run_all.py --scenarios examples --outdir test/examples/results.
import * as path from 'node:path';
import { defineOracleTests } from './corpus';

const results = path.join(__dirname, '..', 'examples');
defineOracleTests({
  label: 'examples',
  scenarios: path.join(__dirname, '..', '..', 'examples'),
  results: path.join(results, 'results'),
  nosite: path.join(results, 'results-nosite'),
  knownFile: path.join(results, 'known-failures.json'),
});
