// The 54 scenarios of the shared oracle corpus against their CPython recordings.
import * as path from 'node:path';
import { defineOracleTests } from './corpus';

defineOracleTests({
  label: 'oracle',
  scenarios: path.join(__dirname, 'scenarios'),
  results: path.join(__dirname, 'results'),
  nosite: path.join(__dirname, 'results-nosite'),
  knownFile: path.join(__dirname, 'known-failures.json'),
});
