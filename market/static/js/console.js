// The bureau's console (GET /api/stats, /api/stats/trades): headline figures with their definitions, trends as
// SVG charts with their numbers, the trade × district grid (求人倍率), warnings, cases and the employers graded C/D.
import { api } from './api.js';
import { barChart } from './charts.js';
import { money, t, when } from './i18n.js';
import { failed, h, loading, show } from './ui.js';

const HEADLINE = ['jobs_posted', 'places_offered', 'seekers', 'deals', 'fill_rate', 'time_to_fill_median_hours',
  'time_to_fill_p90_hours', 'no_show_rate', 'contracts_issued', 'contracts_verified', 'wages_agreed_fen',
  'wages_paid_fen', 'pay_on_time', 'jobs_cancelled'];
const CASES = ['cases_received', 'cases_closed', 'cases_on_time_rate', 'cases_closure_rate', 'cases_median_days',
  'wages_recovered_fen'];
const COLOURS = ['red', 'yellow', 'blue'];

/** A figure as people read it: a count, ¥, %, hours or days; "too few" with its base when it rests on too few. */
export function shown(f) {
  if (!f) return '—';
  if (f.too_few) return t('stats_too_few', { n: f.n ?? 0 });
  if (f.value == null) return '—';
  if (f.unit === 'rate') return `${(f.value * 100).toFixed(1)}%`;
  if (f.unit === 'fen') return money(f.value);
  if (f.unit === 'hours') return t('stats_hours', { n: f.value });
  if (f.unit === 'days') return t('figures_days', { n: Number(f.value).toFixed(1) });
  if (f.unit === 'ratio') return Number(f.value).toFixed(2);
  return Number(f.value).toLocaleString('en-US');
}

const tile = (f, key) => h('div', { class: 'figure' + (f?.too_few ? ' few' : ''), 'data-key': key },
  h('dt', {}, t(`stats_f_${key}`)), h('dd', {}, shown(f)),
  f && f.n != null && !f.too_few && f.unit !== 'count' && f.unit !== 'fen' ? h('dd', { class: 'hint' }, t('stats_base', { n: f.n })) : null);

function form(q, districts, reload) {
  const field = (name, label, input) => h('label', {}, label, input);
  const select = (name, options, value) => h('select', { name }, ...options.map(([v, text]) => h('option', { value: v, selected: v === value ? 'selected' : null }, text)));
  const el = h('form', { class: 'panel filters', 'aria-label': t('stats_filters') },
    field('from', t('stats_from'), h('input', { type: 'date', name: 'from', value: q.from || '' })),
    field('to', t('stats_to'), h('input', { type: 'date', name: 'to', value: q.to || '' })),
    field('interval', t('stats_interval'), select('interval', [['day', t('stats_day')], ['week', t('stats_week')], ['month', t('stats_month')]], q.interval || 'day')),
    field('district', t('stats_district'), select('district', [['', t('stats_city')], ...districts.map((d) => [d, d])], q.district || '')),
    h('button', { type: 'submit' }, t('stats_apply')));
  el.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(el);
    const next = new URLSearchParams();
    for (const [key, value] of data.entries()) if (value) next.set(key, value);
    reload(next);
  });
  return el;
}

function chart(stats, key, title) {
  const label = (p) => (stats.interval === 'month' ? p.start.slice(0, 7) : p.start.slice(5));
  return barChart(title, stats.series.map((p) => {
    const f = p.figures[key];
    const value = f.too_few || f.value == null ? null : f.value;
    return [label(p), value, shown(f)];
  }), [t('stats_period'), title]);
}

const GRID_ROWS = 15;

function grid(trades) {
  const districts = [...new Set(trades.items.map((i) => i.district))].sort();
  const rows = {};
  for (const item of trades.items) {
    const row = (rows[item.trade] ||= { item, cells: {}, places: 0 });
    row.cells[item.district] = item;
    row.places += item.places_wanted;
  }
  const shownRows = Object.values(rows).filter((r) => r.places > 0).sort((a, b) => b.places - a.places).slice(0, GRID_ROWS);
  const name = (i) => (document.documentElement.lang === 'en' ? i.trade_en : i.trade_zh);
  const counts = (i) => t('stats_cell', { places: i.places_wanted, workers: i.workers });
  const cell = (i) => {
    if (!i) return h('td', {}, '—');
    if (i.ratio.too_few) return h('td', { class: 'few' }, h('small', {}, counts(i)));
    return h('td', { class: i.ratio.value > 1 ? 'short' : null }, h('strong', {}, shown(i.ratio)), h('br'), h('small', {}, counts(i)));
  };
  return h('section', { class: 'panel', 'aria-labelledby': 'grid-title' },
    h('h2', { id: 'grid-title' }, t('stats_grid')),
    h('p', { class: 'hint' }, t('stats_grid_hint'), ' ', t('stats_grid_period', { from: trades.from, to: trades.to, n: GRID_ROWS })),
    shownRows.length ? h('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': t('stats_grid') },
      h('table', { class: 'list grid' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('stats_trade')), ...districts.map((d) => h('th', { scope: 'col' }, d)))),
        h('tbody', {}, ...shownRows.map(({ item, cells }) => h('tr', {},
          h('th', { scope: 'row' }, name(item)), ...districts.map((d) => cell(cells[d]))))))) : h('p', {}, t('stats_grid_empty')));
}

function problems(err) {
  const fields = err.fields || [];
  return fields.length ? h('ul', { class: 'formerr', role: 'alert' }, ...fields.map((f) => h('li', {}, f.message))) : null;
}

function warnings(w) {
  const row = (key) => h('tr', {}, h('th', { scope: 'row' }, t(`stats_w_${key}`)), ...COLOURS.map((c) => h('td', {}, String(w[key][c] ?? 0))));
  return h('section', { class: 'panel' }, h('h2', {}, t('stats_warnings')),
    h('table', { class: 'list' }, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, ''), ...COLOURS.map((c) => h('th', { scope: 'col' }, t(`stats_c_${c}`))))),
      h('tbody', {}, row('opened'), row('open_now'), row('closed'))),
    h('p', {}, h('a', { href: '#/sv', class: 'button' }, t('stats_to_board'))));
}

function cases(c) {
  return h('section', { class: 'panel' }, h('h2', {}, t('stats_cases')),
    h('dl', { class: 'figures' }, ...CASES.map((key) => tile(c[key], key))),
    h('p', {}, h('a', { href: '#/cases', class: 'button' }, t('stats_to_cases')), ' ',
      h('a', { href: '#/figures', class: 'button' }, t('stats_to_figures'))));
}

function employers(e) {
  const grades = ['A', 'B', 'C', 'D'];
  return h('section', { class: 'panel' }, h('h2', {}, t('stats_employers')),
    h('p', {}, t('stats_low_count', { n: e.low_total, barred: e.barred })),
    h('table', { class: 'list' }, h('thead', {}, h('tr', {}, ...grades.map((g) => h('th', { scope: 'col' }, g)))),
      h('tbody', {}, h('tr', {}, ...grades.map((g) => h('td', {}, String(e.by_grade[g] ?? 0)))))),
    e.low.length ? h('ul', { class: 'lowgrades' }, ...e.low.map((x) => h('li', {},
      h('strong', {}, x.name || `#${x.employer_id}`), ` · ${t('stats_grade')} ${x.grade}`, x.barred ? ` · ${t('stats_barred')}` : ''))) : null);
}

function glossary(keys) {
  return h('details', { class: 'panel glossary' }, h('summary', {}, t('stats_definitions')),
    h('dl', {}, ...keys.flatMap((key) => [h('dt', {}, t(`stats_f_${key}`)), h('dd', { 'data-key': key }, t(`stats_d_${key}`))])));
}

/** The console at #/console?from=&to=&interval=&district= */
export async function console_(params) {
  const q = Object.fromEntries(params.query || new URLSearchParams());
  const reload = (next) => { location.hash = `#/console?${next}`; };
  show(t('stats_title'), loading());
  let stats, trades;
  try {
    const query = new URLSearchParams(q).toString();
    const tradeQuery = new URLSearchParams(Object.fromEntries(Object.entries(q).filter(([k]) => k !== 'interval'))).toString();
    [stats, trades] = await Promise.all([api(`/api/stats?${query}`), api(`/api/stats/trades?${tradeQuery}`)]);
  } catch (err) { show(t('stats_title'), h('h1', {}, t('stats_title')), form(q, [], reload), problems(err), failed(err, () => console_(params))); return; }
  show(t('stats_title'), h('h1', {}, t('stats_title')),
    form({ ...q, from: stats.from, to: stats.to, interval: stats.interval }, trades.districts, reload),
    h('p', { class: 'hint', id: 'computed' }, t('stats_computed', { at: when(stats.computed_at), from: stats.from, to: stats.to, min: stats.min_cases })),
    h('dl', { class: 'figures' }, ...HEADLINE.map((key) => tile(stats.figures[key], key))),
    h('div', { class: 'cols' }, chart(stats, 'deals', t('stats_f_deals')), chart(stats, 'fill_rate', t('stats_f_fill_rate')),
      chart(stats, 'places_offered', t('stats_f_places_offered')), chart(stats, 'wages_paid_fen', t('stats_f_wages_paid_fen'))),
    grid(trades),
    h('div', { class: 'cols' }, warnings(stats.warnings), cases(stats.cases)),
    employers(stats.employers),
    h('p', { class: 'actions' }, h('a', { href: '#/exports', class: 'button' }, t('ex_link')),
      h('a', { href: '#/admin/log', class: 'button' }, t('bo_nav_log'))),
    glossary([...HEADLINE, ...CASES, 'job_seeker_ratio']));
}
