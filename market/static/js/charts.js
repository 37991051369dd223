// Charts in plain SVG (no library, no CDN): a bar chart of one series, its numbers in a <details> table for screen
// readers and for copying. The SVG is an image with a text summary; the table is the data.
import { t } from './i18n.js';
import { h } from './ui.js';

const NS = 'http://www.w3.org/2000/svg';

function svg(tag, attrs, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [key, value] of Object.entries(attrs || {})) el.setAttribute(key, value);
  for (const child of children) el.append(child);
  return el;
}

/**
 * A bar chart: `points` are [label, value or null, shown text]; null bars (too few cases) are drawn as a dashed
 * outline. Returns a <figure> with the SVG, a caption and the table.
 */
export function barChart(title, points, head) {
  const width = 640, height = 180, left = 8, bottom = 22, top = 18;
  const values = points.map((p) => p[1]).filter((v) => v != null);
  const max = Math.max(1, ...values);
  const step = (width - left * 2) / Math.max(1, points.length);
  const bar = Math.max(2, step * 0.7);
  const every = Math.ceil(points.length / 8);
  const shapes = points.map(([label, value, text], i) => {
    const x = left + i * step + (step - bar) / 2;
    const tall = value == null ? 0 : ((height - bottom - top) * value) / max;
    const parts = [];
    if (value == null) {
      parts.push(svg('rect', { x, y: height - bottom - 6, width: bar, height: 6, class: 'bar none' }));
    } else {
      parts.push(svg('rect', { x, y: height - bottom - tall, width: bar, height: Math.max(tall, value ? 1 : 0), class: 'bar' },
        svg('title', {}, `${label}: ${text}`)));
    }
    if (i % every === 0) parts.push(svg('text', { x: x + bar / 2, y: height - 6, 'text-anchor': 'middle', class: 'axis' }, label));
    return parts;
  }).flat();
  const peak = points.find((p) => p[1] === max);
  const summary = `${title}: ${points.length} ${t('stats_periods')}` + (peak ? `, ${t('stats_peak')} ${peak[0]} ${peak[2]}` : '');
  const picture = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': summary, class: 'chart', preserveAspectRatio: 'none' },
    svg('line', { x1: left, x2: width - left, y1: height - bottom, y2: height - bottom, class: 'base' }),
    svg('text', { x: left, y: 12, class: 'axis' }, `${t('stats_max')} ${points.find((p) => p[1] === max)?.[2] ?? '—'}`),
    ...shapes);
  const table = h('table', { class: 'list' },
    h('thead', {}, h('tr', {}, ...head.map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, ...points.map(([label, , text]) => h('tr', {}, h('th', { scope: 'row' }, label), h('td', {}, text)))));
  return h('figure', { class: 'panel chartbox' }, h('figcaption', {}, title), picture,
    h('details', {}, h('summary', {}, t('stats_numbers')), table));
}
