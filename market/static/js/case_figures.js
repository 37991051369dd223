// The bureau's closure figures (GET /api/cases/figures) as plain numbers with labels; the charts are issue 14's.
import { api } from './api.js';
import { outcomeName } from './case_words.js';
import { money, t } from './i18n.js';
import { failed, h, loading, show } from './ui.js';

const percent = (x) => (x == null ? '—' : `${(x * 100).toFixed(1)}%`);
const number = (x) => (x == null ? '—' : Number(x).toLocaleString('en-US'));
const days = (x) => (x == null ? '—' : t('figures_days', { n: Number(x).toFixed(1) }));

function table(caption, head, rows) {
  if (!rows.length) return null;
  return h('section', { class: 'panel' }, h('table', { class: 'list' }, h('caption', {}, caption),
    h('thead', {}, h('tr', {}, ...head.map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, ...rows.map((r) => h('tr', {}, ...r.map((x, i) => (i ? h('td', {}, x) : h('th', { scope: 'row' }, x))))))));
}

/** The figures page: headline rates and amounts, then cases by outcome, station and employer. */
export async function figures() {
  show(t('figures_title'), loading());
  let f;
  try { f = await api('/api/cases/figures'); } catch (err) { show(t('figures_title'), failed(err, figures)); return; }
  const tiles = [
    ['figures_on_time_rate', percent(f.on_time_rate), 'figures_on_time_rate_hint'],
    ['figures_closure_rate', percent(f.closure_rate), 'figures_closure_rate_hint'],
    ['figures_recovered', money(f.recovered_fen), null],
    ['figures_median_days', days(f.median_days_to_close), null],
    ['figures_received', number(f.received), null],
    ['figures_closed', number(f.closed), null],
    ['figures_open', number(f.open), null],
    ['figures_overdue', number(f.overdue), null],
  ];
  const byOutcome = Object.entries(f.by_outcome || {}).map(([o, n]) => [outcomeName(o), number(n)]);
  const byStation = (f.by_station || []).map((s) => [s.station?.name || s.name || '—', number(s.received), number(s.closed), percent(s.on_time_rate)]);
  const byEmployer = (f.by_employer || []).map((e) => [e.employer?.name || e.name || '—', number(e.cases), money(e.amount_fen)]);
  show(t('figures_title'), h('p', {}, h('a', { href: '#/cases', class: 'back' }, `← ${t('back')}`)),
    h('h1', {}, t('figures_title')),
    h('dl', { class: 'figures' }, ...tiles.map(([label, value, hint]) => h('div', { class: 'figure' },
      h('dt', {}, t(label)), h('dd', {}, value), hint ? h('dd', { class: 'hint' }, t(hint)) : null))),
    h('div', { class: 'cols' },
      table(t('figures_by_outcome'), [t('case_outcome'), t('figures_cases')], byOutcome),
      table(t('figures_by_station'), [t('case_station'), t('figures_received'), t('figures_closed'), t('figures_on_time_rate')], byStation),
      table(t('figures_by_employer'), [t('employer'), t('figures_cases'), t('case_amount')], byEmployer)));
}
