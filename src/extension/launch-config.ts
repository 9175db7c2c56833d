// Resolves a `pygc` launch configuration before a session starts (no vscode
// import, unit-tested): F5 without a launch.json debugs the active scenario;
// missing or wrong attributes give a clear message instead of a dead session.
import type { Translate } from './l10n-types';
import { isPythonVersion, PYTHON_VERSIONS } from './versions';

export interface LaunchConfig {
  type: string;
  request: string;
  name: string;
  program?: unknown;
  python?: unknown;
  stopOnEntry?: unknown;
  maxSteps?: unknown;
  noDebug?: boolean;
  [key: string]: unknown;
}

export interface LaunchContext {
  /** The active editor's file, when it is a scenario (language pygc). */
  activeScenario?: string;
  /** The setting pygc.pythonVersion (may be anything a user typed). */
  settingVersion: unknown;
}

export type Resolution = { config: LaunchConfig } | { error: string };

/** The configuration F5 uses when there is no launch.json, or undefined if no scenario is active. */
export function defaultLaunch(ctx: LaunchContext, t: Translate): LaunchConfig | undefined {
  if (!ctx.activeScenario) return undefined;
  return { type: 'pygc', request: 'launch', name: t('Debug scenario'), program: ctx.activeScenario, stopOnEntry: true };
}

export function resolveLaunch(input: Partial<LaunchConfig>, ctx: LaunchContext, t: Translate): Resolution {
  let config: LaunchConfig;
  if (!input.type && !input.request && !input.name) {
    const d = defaultLaunch(ctx, t);
    if (!d) return { error: t('Open a .pygc scenario (or a .py file opened as a scenario) to debug it, or add a "pygc" configuration to launch.json.') };
    config = d;
  } else {
    config = { type: 'pygc', request: 'launch', name: t('Debug scenario'), ...input } as LaunchConfig;
  }
  const name = String(config.name);
  if (config.request !== 'launch') {
    return { error: t('The PyGC Lab configuration "{0}" must have "request": "launch".', name) };
  }
  if (typeof config.program !== 'string' || config.program.trim() === '') {
    return { error: t('The PyGC Lab configuration "{0}" has no "program": set it to the scenario to debug, for example "${file}".', name) };
  }
  if (config.python === undefined || config.python === null || config.python === '') {
    if (!isPythonVersion(ctx.settingVersion)) {
      return { error: t('The setting pygc.pythonVersion is "{0}", which is not a CPython version PyGC Lab simulates ({1}).', String(ctx.settingVersion), PYTHON_VERSIONS.join(', ')) };
    }
    config.python = ctx.settingVersion;
  } else if (!isPythonVersion(config.python)) {
    return { error: t('"python": "{0}" in the configuration "{1}" is not a CPython version PyGC Lab simulates ({2}).', String(config.python), name, PYTHON_VERSIONS.join(', ')) };
  }
  if (config.stopOnEntry !== undefined && typeof config.stopOnEntry !== 'boolean') {
    return { error: t('"stopOnEntry" in the configuration "{0}" must be true or false.', name) };
  }
  if (config.maxSteps !== undefined && !(Number.isInteger(config.maxSteps) && (config.maxSteps as number) > 0)) {
    return { error: t('"maxSteps" in the configuration "{0}" must be a positive whole number.', name) };
  }
  return { config };
}
