// Resolving pygc launch configurations (src/extension/launch-config.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveLaunch } from '../../../src/extension/launch-config';
import { english } from '../../../src/extension/l10n-types';

const ctx = { activeScenario: '/w/a.pygc', settingVersion: '3.11' };

test('F5 without launch.json debugs the active scenario with the setting\'s profile', () => {
  const r = resolveLaunch({}, ctx, english);
  assert.ok('config' in r);
  assert.deepEqual(r.config, { type: 'pygc', request: 'launch', name: 'Debug scenario', program: '/w/a.pygc', stopOnEntry: true, python: '3.11' });
});

test('F5 without launch.json and no scenario open explains what to do', () => {
  const r = resolveLaunch({}, { settingVersion: '3.11' }, english);
  assert.ok('error' in r);
  assert.match(r.error, /Open a \.pygc scenario/);
});

test('a configuration without program gets a clear message naming it', () => {
  const r = resolveLaunch({ type: 'pygc', request: 'launch', name: 'Mine' }, ctx, english);
  assert.ok('error' in r);
  assert.match(r.error, /"Mine" has no "program"/);
  assert.match(r.error, /\$\{file\}/);
});

test('python from the configuration wins; unknown versions are refused', () => {
  const ok = resolveLaunch({ type: 'pygc', request: 'launch', name: 'n', program: '/w/b.pygc', python: '2.7' }, ctx, english);
  assert.ok('config' in ok && ok.config.python === '2.7');
  const bad = resolveLaunch({ type: 'pygc', request: 'launch', name: 'n', program: '/w/b.pygc', python: '3.99' }, ctx, english);
  assert.ok('error' in bad);
  assert.match(bad.error, /"python": "3\.99" in the configuration "n" is not a CPython version/);
  assert.match(bad.error, /2\.7, 3\.6, 3\.7/);
});

test('an unknown profile in settings is reported, not used', () => {
  const r = resolveLaunch({}, { activeScenario: '/w/a.pygc', settingVersion: '4.0' }, english);
  assert.ok('error' in r);
  assert.match(r.error, /pygc\.pythonVersion is "4\.0"/);
});

test('request, stopOnEntry and maxSteps are validated', () => {
  const base = { type: 'pygc', name: 'n', program: '/w/b.pygc' };
  assert.ok('error' in resolveLaunch({ ...base, request: 'attach' }, ctx, english));
  assert.ok('error' in resolveLaunch({ ...base, request: 'launch', stopOnEntry: 'yes' }, ctx, english));
  assert.ok('error' in resolveLaunch({ ...base, request: 'launch', maxSteps: 0 }, ctx, english));
  assert.ok('error' in resolveLaunch({ ...base, request: 'launch', maxSteps: 1.5 }, ctx, english));
  const r = resolveLaunch({ ...base, request: 'launch', maxSteps: 1000, stopOnEntry: false }, ctx, english);
  assert.ok('config' in r && r.config.maxSteps === 1000 && r.config.stopOnEntry === false);
});

test('noDebug (Run Scenario) passes through', () => {
  const r = resolveLaunch({ type: 'pygc', request: 'launch', name: 'Run', program: '/w/a.pygc', noDebug: true }, ctx, english);
  assert.ok('config' in r && r.config.noDebug === true);
});
