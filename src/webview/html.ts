// The GC panel's HTML page, built by the extension host (this file runs in
// Node too: no DOM here). A strict Content Security Policy: nothing by default,
// scripts only with the per-load nonce, styles and fonts from the extension's
// media folder (cspSource), images from there or data: URLs. The page holds
// only the panel's fixed skeleton; media/panel.js fills it from snapshot messages.

export interface PanelHtmlOptions {
  /** webview.cspSource */
  cspSource: string;
  /** A fresh random value per load (base64 or hex), e.g. from crypto.randomBytes(16). */
  nonce: string;
  /** webview.asWebviewUri(media/panel.js) as a string */
  scriptUri: string;
  /** webview.asWebviewUri(media/panel.css) as a string */
  styleUri: string;
}

const escapeAttr = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function panelCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

export function panelHtml(opts: PanelHtmlOptions): string {
  if (!/^[A-Za-z0-9+/=_-]{8,}$/.test(opts.nonce)) throw new Error('panelHtml: the nonce must be 8+ base64/hex characters');
  const a = (s: string) => escapeAttr(s);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${a(panelCsp(opts.cspSource, opts.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${a(opts.styleUri)}">
<title>PyGC: GC Panel</title>
</head>
<body>
<header id="status-bar">
  <span id="session" role="status" aria-live="polite"></span>
  <span id="step"></span>
  <span id="gc-summary"></span>
</header>
<section id="collection" aria-live="polite" hidden></section>
<div id="toolbar" role="toolbar" aria-label="Graph tools">
  <input id="search" type="search" placeholder="Search type, repr or name" aria-label="Search objects by type, repr or variable name" spellcheck="false">
  <label title="Hide the objects that do not match the search"><input id="hide-nonmatching" type="checkbox"> Hide others</label>
  <label title="Show atoms (int, str, None …) and immortal or interpreter objects"><input id="show-hidden" type="checkbox"> Atoms &amp; immortal</label>
  <button id="unfocus" type="button" hidden>Show all</button>
  <span class="spacer"></span>
  <button id="fit" type="button" title="Fit the graph to the panel">Fit</button>
  <button id="relayout" type="button" title="Lay the whole graph out again">Re-layout</button>
  <button id="export-png" type="button" title="Export the graph as PNG">PNG</button>
  <button id="export-svg" type="button" title="Export the graph as SVG">SVG</button>
</div>
<main id="main">
  <div id="graph-box">
    <div id="graph" tabindex="0" role="application" aria-roledescription="object graph" aria-label="Object graph: objects, roots and references. Arrow keys move between objects, Enter expands a group, Escape clears the selection."></div>
    <div id="graph-note" hidden></div>
    <div id="empty">Start debugging a <code>.pygc</code> scenario: the panel shows its objects at each stop.</div>
  </div>
  <aside id="details" aria-label="Details of the selected object" aria-live="polite"></aside>
</main>
<ul id="legend" aria-label="Legend">
  <li><span class="swatch gen0"></span>young (gen 0)</li>
  <li><span class="swatch gen1"></span>middle (gen 1)</li>
  <li><span class="swatch gen2"></span>old (gen 2)</li>
  <li><span class="swatch perm"></span>permanent</li>
  <li><span class="swatch untracked"></span>untracked</li>
  <li><span class="swatch collecting"></span>in a collection</li>
  <li><span class="swatch garbage"></span>gc.garbage</li>
  <li><span class="swatch finalized"></span>finalized</li>
  <li><span class="swatch cycle"></span>cycle</li>
  <li><span class="swatch unreachable"></span>unreachable</li>
  <li><span class="swatch root"></span>root</li>
  <li><span class="swatch changed"></span>changed</li>
</ul>
<section id="counters" aria-label="Counter progression">
  <div id="chart" tabindex="0" role="slider" aria-label="Step (click or drag on the chart to travel to a step)" aria-valuemin="0" aria-valuemax="0" aria-valuenow="0"></div>
  <div id="chart-tip" role="tooltip" hidden></div>
  <details id="table-box"><summary>Table of the counter progression</summary><div id="table"></div></details>
</section>
<script nonce="${a(opts.nonce)}" src="${a(opts.scriptUri)}"></script>
</body>
</html>
`;
}
