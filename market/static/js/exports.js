// The bureau's exports (GET /api/exports): a CSV and an .xlsx link per list, narrowed by two dates. The links are
// plain <a download>: the browser sends the session cookie and saves the file as it streams.
import { api } from './api.js';
import { currentLang, t, zoneLabel } from './i18n.js';
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
    h('p', { class: 'hint', id: 'ex-dates-hint' }, t('ex_dates_hint', { zone: zoneLabel() })), problem, list);
  draw();
}
