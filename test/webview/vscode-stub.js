// Init script of the panel's test page (runs before the page's own scripts, as
// VS Code's webview host would): stubs acquireVsCodeApi — posted messages are
// recorded in window.__posted, setState in window.__state — applies the theme
// (body class and --vscode-* variables), records CSP violations and anything
// hostile content might run (window.__pwned, dialogs are caught by the test),
// and times each drawn step for the benchmark (window.__frames): from the
// harness's postMessage (window.__postAt) to the panel marking the step drawn
// (body data-rendered-step) and to the end of the next frame after that (a task
// posted from requestAnimationFrame runs once that frame is painted).
/* global window, document, MutationObserver, PerformanceObserver, MessageChannel, performance, requestAnimationFrame */
(() => {
  const cfg = window.__stubConfig || {};
  window.__posted = [];
  window.__cspViolations = [];
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch { /* no long-task timing in this browser */ }
  window.__state = cfg.state;
  window.__frames = [];
  window.__postAt = undefined;
  const channel = new MessageChannel();
  const pending = [];
  channel.port1.onmessage = () => { const f = pending.shift(); if (f) f.presented = performance.now(); };
  const watchSteps = () => new MutationObserver(() => {
    const step = document.body.dataset.renderedStep;
    if (step === undefined) return;
    const f = { step: Number(step), posted: window.__postAt, drawn: performance.now(), presented: undefined };
    window.__postAt = undefined;
    window.__frames.push(f);
    requestAnimationFrame(() => { pending.push(f); channel.port2.postMessage(0); });
  }).observe(document.body, { attributes: true, attributeFilter: ['data-rendered-step'] });
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample || ''}`);
  });
  let acquired = false;
  window.acquireVsCodeApi = () => {
    if (acquired) throw new Error('acquireVsCodeApi called twice');
    acquired = true;
    return {
      postMessage: (m) => { window.__posted.push(JSON.parse(JSON.stringify(m))); },
      getState: () => window.__state,
      setState: (s) => { window.__state = JSON.parse(JSON.stringify(s)); },
    };
  };
  window.__applyTheme = (theme) => {
    const root = document.documentElement;
    for (const [k, v] of Object.entries(theme.vars)) root.style.setProperty(`--vscode-${k}`, v);
    document.body.className = theme.bodyClass;
  };
  const apply = () => { if (cfg.theme) window.__applyTheme(cfg.theme); watchSteps(); };
  if (document.body) apply();
  else {
    const obs = new MutationObserver(() => { if (document.body) { obs.disconnect(); apply(); } });
    obs.observe(document, { childList: true, subtree: true });
  }
})();
