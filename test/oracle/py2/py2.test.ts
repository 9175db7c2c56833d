// The 2.7-specific corpus (test/oracle/py2/scenarios: dict order and shutdown, old-style
// classes, __del__ exceptions and resurrection, get_count traces), written to run on
// 2.7 and 3.x alike, against their CPython recordings (scripts/oracle/run_all.py).
import * as path from 'node:path';
import { defineOracleTests } from '../corpus';

defineOracleTests({
  label: 'py2',
  scenarios: path.join(__dirname, 'scenarios'),
  results: path.join(__dirname, 'results'),
  nosite: path.join(__dirname, 'results-nosite'),
  knownFile: path.join(__dirname, 'known-failures.json'),
});
