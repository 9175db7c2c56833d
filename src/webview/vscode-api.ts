// The webview side of VS Code's API: posting typed messages to the extension
// host and keeping the panel's state across reloads (getState/setState).
// acquireVsCodeApi may be called once per page, so it is wrapped here.
import type { PanelToHost } from '../protocol/panel-messages';

interface VsCodeApi {
  postMessage(msg: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const api: VsCodeApi = typeof acquireVsCodeApi === 'function'
  ? acquireVsCodeApi()
  : { postMessage() {}, getState() { return undefined; }, setState() {} };

export function post(msg: PanelToHost): void { api.postMessage(msg); }
export function loadState(): unknown { return api.getState(); }
export function saveState(state: unknown): void { api.setState(state); }
