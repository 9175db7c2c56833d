// The panel's colours, read from the --vscode-* CSS variables VS Code sets on
// the page (light, dark and high-contrast themes), for the parts drawn on a
// canvas (graph, chart) where CSS cannot reach. The DOM parts use the same
// variables directly in media/panel.css. A theme change (the body's class
// changes) calls the listener so the graph and chart can restyle.

export interface Palette {
  kind: 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';
  background: string;
  foreground: string;
  muted: string;
  border: string;
  focus: string;
  link: string;
  warning: string;
  error: string;
  /** Generation colours: young, middle, old, permanent. */
  gen: [string, string, string, string];
  collecting: string;
  cycle: string;
  fontFamily: string;
  fontSize: number;
}

let probe: CanvasRenderingContext2D | null = null;

/** Normalise any CSS colour to [r, g, b, a] (0–255, alpha 0–1). */
export function parseColor(css: string): [number, number, number, number] | null {
  if (!probe) probe = document.createElement('canvas').getContext('2d');
  if (!probe) return null;
  probe.fillStyle = '#000001';
  probe.fillStyle = css;
  const v = String(probe.fillStyle);
  if (v === '#000001' && css.trim().toLowerCase() !== '#000001') return null;
  let m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(v);
  if (m) return [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16), 1];
  m = /^rgba?\(\s*([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\s*\)$/.exec(v);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])];
  return null;
}

const hex2 = (n: number) => Math.round(Math.max(0, Math.min(255, n))).toString(16).padStart(2, '0');
const toHex = (c: [number, number, number, number]) => `#${hex2(c[0])}${hex2(c[1])}${hex2(c[2])}`;

/** Mix colour a into b: t = 1 gives a, 0 gives b (opaque result, for canvas fills and SVG). */
export function blend(a: string, b: string, t: number): string {
  const ca = parseColor(a), cb = parseColor(b);
  if (!ca || !cb) return a;
  const ta = t * ca[3];
  return toHex([ca[0] * ta + cb[0] * (1 - ta), ca[1] * ta + cb[1] * (1 - ta), ca[2] * ta + cb[2] * (1 - ta), 1]);
}

/** Flatten a colour with alpha over the background (canvas text and strokes look the same in SVG). */
export function opaque(c: string, bg: string): string { return blend(c, bg, 1); }

function themeKind(): Palette['kind'] {
  const c = document.body.classList;
  if (c.contains('vscode-high-contrast-light')) return 'high-contrast-light';
  if (c.contains('vscode-high-contrast')) return 'high-contrast';
  if (c.contains('vscode-light')) return 'light';
  return 'dark';
}

export function readPalette(): Palette {
  const kind = themeKind();
  const light = kind === 'light' || kind === 'high-contrast-light';
  const cs = getComputedStyle(document.documentElement);
  const v = (name: string, fallbackDark: string, fallbackLight: string): string => {
    const x = cs.getPropertyValue(`--vscode-${name}`).trim();
    return x && parseColor(x) ? x : light ? fallbackLight : fallbackDark;
  };
  const background = v('editor-background', '#1e1e1e', '#ffffff');
  const foreground = v('editor-foreground', '#d4d4d4', '#000000');
  const flat = (c: string) => opaque(c, background);
  const size = parseFloat(cs.getPropertyValue('--vscode-editor-font-size')) || 12;
  return {
    kind,
    background: flat(background),
    foreground: flat(foreground),
    muted: flat(v('descriptionForeground', '#9d9d9d', '#717171')),
    border: flat(v('contrastBorder', '', '') || v('panel-border', '#80808059', '#80808059')),
    focus: flat(v('focusBorder', '#007fd4', '#0090f1')),
    link: flat(v('textLink-foreground', '#3794ff', '#006ab1')),
    warning: flat(v('editorWarning-foreground', '#cca700', '#bf8803')),
    error: flat(v('errorForeground', '#f48771', '#a1260d')),
    gen: [
      flat(v('charts-green', '#89d185', '#388a34')),
      flat(v('charts-yellow', '#cca700', '#bf8803')),
      flat(v('charts-blue', '#3794ff', '#1a85ff')),
      flat(v('charts-purple', '#b180d7', '#652d90')),
    ],
    collecting: flat(v('charts-orange', '#d18616', '#d18616')),
    cycle: flat(v('charts-red', '#f14c4c', '#e51400')),
    fontFamily: cs.getPropertyValue('--vscode-font-family').trim() || 'system-ui, sans-serif',
    fontSize: Math.max(10, Math.min(16, size)),
  };
}

/** Call `onChange` when VS Code switches theme (it changes the body's classes and the variables). */
export function watchTheme(onChange: () => void): void {
  let last = document.body.className;
  new MutationObserver(() => {
    if (document.body.className === last) return;
    last = document.body.className;
    onChange();
  }).observe(document.body, { attributes: true, attributeFilter: ['class'] });
}
