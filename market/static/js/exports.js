// The bureau's exports (GET /api/exports): a CSV and an .xlsx link per list, narrowed by two dates. The links are
// plain <a download>: the browser sends the session cookie and saves the file as it streams.
import { api } from './api.js';
import { currentLang, t, when, zoneLabel } from './i18n.js';
import { empty, failed, h, loading, show } from './ui.js';

function dateField(id, label, value, onchange) {
  return h('div', { class: 'field' }, h('label', { for: id }, label),
    h('input', { id, type: 'date', value, 'aria-describedby': 'ex-dates-hint', oninput: onchange }));
}

function href(file, dates) {
  const query = new URLSearchParams({ lang: currentLang() });
  if (dates.from) query.set('from', dates.from);
  if (dates.to) query.set('to', dates.to);
  return `/api/exports/${encodeURIComponent(file)}?${query}`;
}

function downloadLink(file, dates, blocked, primary) {
  return h('a', { class: primary ? 'button primary' : 'button', href: href(file, dates), download: file,
    'aria-disabled': blocked ? 'true' : null, dataset: { export: file },
    onclick: (event) => { if (blocked) event.preventDefault(); } }, t('ex_download', { name: file }));
}

function offerItem(offer, dates, blocked) {
  return h('li', { class: 'card' }, h('h2', {}, offer.title),
    h('div', { class: 'actions' }, downloadLink(offer.name, dates, blocked, true), downloadLink(offer.xlsx, dates, blocked, false)),
    h('p', { class: 'hint' }, t('ex_columns', { n: offer.columns.length, list: offer.columns.join('、') })),
    offer.filters.includes('station_id') ? h('p', { class: 'hint' }, t('ex_station_filter')) : null);
}

/** The last exports taken (the append-only export log), newest first: who, which file, how many rows, when. */
async function recentExports() {
  const list = h('ul', { class: 'cards', id: 'ex-log' }, loading());
  const load = async () => {
    try {
      const page = await api('/api/exports/log?limit=20');
      list.replaceChildren(...(page.items.length ? page.items.map((r) => h('li', { class: 'card' },
        h('p', {}, t('ex_log_line', { who: r.reader_name, role: t(`bo_role_${r.role}`), name: r.name, n: r.row_count })),
        h('p', { class: 'meta' }, h('span', {}, when(r.at)),
          r.unmasked.length ? h('span', {}, t('ex_log_unmasked')) : null))) : [empty(t('ex_log_empty'))]));
    } catch (err) { list.replaceChildren(failed(err, load)); }
  };
  load();
  return h('section', { 'aria-labelledby': 'ex-log-h' }, h('h2', { id: 'ex-log-h' }, t('ex_log_title')), list);
}

/** The exports screen (#/exports): dates, then a download link for each export on offer. */
export async function exportsScreen() {
  show(t('ex_title'), loading());
  let page;
  try { page = await api(`/api/exports?lang=${currentLang()}`); } catch (err) { show(t('ex_title'), failed(err, exportsScreen)); return; }
  const dates = { from: '', to: '' };
  const list = h('ul', { class: 'cards', id: 'ex-list' });
  const problem = h('p', { class: 'error', role: 'alert', id: 'ex-problem', hidden: true }, t('ex_to_before_from'));
  const draw = () => {
    const blocked = Boolean(dates.from && dates.to && dates.to < dates.from);
    problem.hidden = !blocked;
    list.replaceChildren(...(page.items.length ? page.items.map((offer) => offerItem(offer, dates, blocked)) : [empty('—')]));
  };
  const pick = (key) => (event) => { dates[key] = event.target.value; draw(); };
  show(t('ex_title'), h('p', {}, h('a', { href: '#/sv', class: 'back' }, `← ${t('back')}`)),
    h('h1', {}, t('ex_title')), h('p', { class: 'hint' }, t('ex_intro')),
    h('div', { class: 'cols', id: 'ex-dates' }, dateField('ex-from', t('ex_from'), '', pick('from')),
      dateField('ex-to', t('ex_to'), '', pick('to'))),
    h('p', { class: 'hint', id: 'ex-dates-hint' }, t('ex_dates_hint', { zone: zoneLabel() })), problem, list,
    await recentExports());
  draw();
}
