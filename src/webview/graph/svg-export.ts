// Serialises the graph as drawn (visible nodes and edges, their positions,
// colours, border styles, outlines and labels) to a standalone SVG document.
// Every label is XML-escaped text.

import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

const num = (x: number) => (Math.round(x * 10) / 10).toString();
const px = (v: unknown) => parseFloat(String(v)) || 0;

function dash(style: string): string {
  if (style === 'dashed') return ' stroke-dasharray="6 4"';
  if (style === 'dotted') return ' stroke-dasharray="1.5 3" stroke-linecap="round"';
  return '';
}

function shapePath(shape: string, x: number, y: number, w: number, h: number): string {
  const l = x - w / 2, t = y - h / 2;
  if (shape === 'ellipse') return `<ellipse cx="${num(x)}" cy="${num(y)}" rx="${num(w / 2)}" ry="${num(h / 2)}"`;
  if (shape === 'cut-rectangle') {
    const c = Math.min(8, w / 4, h / 4);
    const pts = [[l + c, t], [l + w - c, t], [l + w, t + c], [l + w, t + h - c], [l + w - c, t + h], [l + c, t + h], [l, t + h - c], [l, t + c]];
    return `<polygon points="${pts.map(([a, b]) => `${num(a)},${num(b)}`).join(' ')}"`;
  }
  const r = shape === 'rectangle' ? 0 : Math.min(8, w / 4, h / 4);
  return `<rect x="${num(l)}" y="${num(t)}" width="${num(w)}" height="${num(h)}" rx="${num(r)}"`;
}

function nodeSvg(n: NodeSingular): string {
  const { x, y } = n.position();
  const w = n.width(), h = n.height();
  const shape = String(n.style('shape'));
  const opacity = px(n.style('opacity'));
  const out: string[] = [`<g opacity="${num(opacity)}">`];
  const under = px(n.style('underlay-opacity'));
  if (under > 0) {
    const p = px(n.style('underlay-padding'));
    out.push(`${shapePath('round-rectangle', x, y, w + 2 * p, h + 2 * p)} fill="${n.style('underlay-color')}" fill-opacity="${num(under)}"/>`);
  }
  const ow = px(n.style('outline-width'));
  if (ow > 0) {
    const off = px(n.style('outline-offset')) + ow / 2;
    out.push(`${shapePath(shape, x, y, w + 2 * off + px(n.style('border-width')), h + 2 * off + px(n.style('border-width')))} fill="none" stroke="${n.style('outline-color')}" stroke-width="${num(ow)}"/>`);
  }
  const bw = px(n.style('border-width'));
  const bs = String(n.style('border-style'));
  out.push(`${shapePath(shape, x, y, w, h)} fill="${n.style('background-color')}" stroke="${n.style('border-color')}" stroke-width="${num(bs === 'double' ? bw / 3 : bw)}"${dash(bs)}/>`);
  if (bs === 'double') out.push(`${shapePath(shape, x, y, w - bw * 1.3, h - bw * 1.3)} fill="none" stroke="${n.style('border-color')}" stroke-width="${num(bw / 3)}"/>`);
  const lines = String(n.data('label') ?? '').split('\n');
  const fs = px(n.style('font-size'));
  const lh = fs * 1.3;
  const y0 = y - ((lines.length - 1) * lh) / 2;
  out.push(`<text x="${num(x)}" y="${num(y0)}" font-size="${num(fs)}" fill="${n.style('color')}" font-weight="${n.style('font-weight')}" text-anchor="middle" dominant-baseline="central">`
    + lines.map((l, i) => `<tspan x="${num(x)}" y="${num(y0 + i * lh)}">${escapeXml(l)}</tspan>`).join('') + '</text>');
  out.push('</g>');
  return out.join('');
}

function edgeSvg(e: EdgeSingular): string {
  const s = e.sourceEndpoint(), t = e.targetEndpoint();
  const cps = e.controlPoints();
  const color = String(e.style('line-color'));
  const width = px(e.style('width'));
  const opacity = px(e.style('opacity'));
  let d = `M${num(s.x)},${num(s.y)} `;
  let from = s;
  if (cps && cps.length === 1) { d += `Q${num(cps[0].x)},${num(cps[0].y)} `; from = cps[0]; }
  else if (cps && cps.length >= 2) { d += `C${num(cps[0].x)},${num(cps[0].y)} ${num(cps[1].x)},${num(cps[1].y)} `; from = cps[1]; }
  d += `${num(t.x)},${num(t.y)}`;
  const ang = Math.atan2(t.y - from.y, t.x - from.x);
  const a = 8 + width;
  const p1 = { x: t.x - a * Math.cos(ang - 0.4), y: t.y - a * Math.sin(ang - 0.4) };
  const p2 = { x: t.x - a * Math.cos(ang + 0.4), y: t.y - a * Math.sin(ang + 0.4) };
  const out = [`<g opacity="${num(opacity)}">`,
    `<path d="${d}" fill="none" stroke="${color}" stroke-width="${num(width)}"${dash(String(e.style('line-style')))}/>`,
    `<polygon points="${num(t.x)},${num(t.y)} ${num(p1.x)},${num(p1.y)} ${num(p2.x)},${num(p2.y)}" fill="${color}"/>`];
  const label = String(e.data('label') ?? '');
  if (label) {
    const m = e.midpoint();
    const fs = px(e.style('font-size'));
    out.push(`<text x="${num(m.x)}" y="${num(m.y)}" font-size="${num(fs)}" fill="${e.style('color')}" text-anchor="middle" dominant-baseline="central" stroke="${e.style('text-background-color')}" stroke-width="3" paint-order="stroke">${escapeXml(label)}</text>`);
  }
  out.push('</g>');
  return out.join('');
}

/** The visible graph as an SVG document. */
export function graphToSvg(cy: Core, background: string, fontFamily: string): string {
  const eles = cy.elements(':visible');
  const bb = eles.boundingBox({ includeLabels: true, includeOverlays: false, includeUnderlays: true, includeOutlines: true } as never);
  const pad = 20;
  const x = bb.x1 - pad, y = bb.y1 - pad, w = Math.max(1, bb.w + 2 * pad), h = Math.max(1, bb.h + 2 * pad);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(w)}" height="${num(h)}" viewBox="${num(x)} ${num(y)} ${num(w)} ${num(h)}" font-family="${escapeXml(fontFamily)}">`,
    `<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}" fill="${background}"/>`,
  ];
  cy.edges(':visible').forEach((e) => { parts.push(edgeSvg(e)); });
  cy.nodes(':visible').forEach((n) => { parts.push(nodeSvg(n)); });
  parts.push('</svg>');
  return parts.join('\n');
}
