// Init script of the panel's test page (runs before the page's own scripts, as
// VS Code's webview host would): stubs acquireVsCodeApi — posted messages are
// recorded in window.__posted, setState in window.__state — applies the theme
// (body class and --vscode-* variables), records CSP violations and anything
// hostile content might run (window.__pwned, dialogs are caught by the test).
/* global window, document, MutationObserver, PerformanceObserver */
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
  const apply = () => { if (cfg.theme) window.__applyTheme(cfg.theme); };
  if (document.body) apply();
  else {
    const obs = new MutationObserver(() => { if (document.body) { obs.disconnect(); apply(); } });
    obs.observe(document, { childList: true, subtree: true });
  }
})();
