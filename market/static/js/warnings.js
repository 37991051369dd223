// The wage-warning board (蓝/黄/红): station staff see their station's warnings, the labour bureau every one (its
// home screen), an employer the warnings about them on their home. Red first, then yellow and blue, oldest first.
import { api, screenSignal, stillShown, storedUser } from './api.js';
import { money, t, when } from './i18n.js';
import { badge, empty, failed, h, loading, show } from './ui.js';

const LEVELS = ['red', 'yellow', 'blue'];

function history(warning) {
  return warning.history.map((change) => `${t(`wl_${change.level}`)} · ${t(`wr_${change.reason}`)} · ${when(change.at)}`).join(' → ');
}

function orderLine(order, phones) {
  const owed = order.claimed_fen ? `${money(order.claimed_fen)} ${t('w_claimed')}` : money(order.owed_fen);
  return h('li', {},
    h('span', {}, `${order.worker.name} · ${order.title} · ${owed}`),
    order.disputed ? [' ', badge(t('w_disputed'), 'no_show')] : null,
    order.settled_at ? [' ', badge(t(`ws_${order.settled_how}`) || order.settled_how, 'confirmed')] : null,
    phones && order.worker.phone ? [' ', h('a', { href: `tel:${order.worker.phone}` }, `${t('call')} ${order.worker.phone}`)] : null);
}

/** One warning as a card: its level, the employer, what is owed to whom and how late, and how it climbed. */
export function warningCard(warning, { forEmployer = false } = {}) {
  const phones = !forEmployer;
  return h('li', { class: `card warning w-${warning.level}`, dataset: { level: warning.level } },
    h('div', { class: 'row' },
      h('h2', {}, forEmployer ? t('w_about_you', { n: warning.worker_count }) : warning.employer.name),
      badge(t(`wl_${warning.level}`), `w-${warning.level}`)),
    h('p', { class: 'meta' },
      h('span', { class: 'amount' }, t('w_owed', { amount: money(warning.amount_fen), n: warning.worker_count })),
      h('span', {}, t('w_days', { n: warning.working_days_overdue })),
      h('span', {}, `${t('w_due')} ${when(warning.oldest_due_at)}`),
      warning.station && !forEmployer ? h('span', {}, warning.station.name) : null),
    h('ul', { class: 'worders' }, ...warning.orders.filter((o) => !o.settled_at).map((o) => orderLine(o, phones))),
    forEmployer ? h('p', {}, t('w_employer_hint')) : null,
    h('p', { class: 'hint' }, history(warning)));
}

function levelFilter(current, onpick) {
  const pick = (level) => h('button', {
    type: 'button', class: `chip ${level ? `w-${level}` : ''}`, 'aria-pressed': String(current === level),
    onclick: () => onpick(level),
  }, level ? t(`wl_${level}`) : t('w_all'));
  return h('div', { class: 'chips filters', role: 'group', 'aria-label': t('w_level') }, pick(''), ...LEVELS.map(pick));
}

/** The board itself, drawn into a section: filters, counts and the cards, reloaded when a filter changes. */
async function drawBoard(section, { stations = false } = {}) {
  const state = { level: '', station: '' };
  const list = h('ul', { class: 'cards' }, loading());
  const total = h('p', { class: 'meta', role: 'status' });
  const filters = h('div', {});
  let stationSelect = null;
  if (stations) {
    stationSelect = h('select', { id: 'w-station', onchange: () => { state.station = stationSelect.value; load(); } },
      h('option', { value: '' }, t('w_all_stations')));
    api('/api/stations?limit=100').then((page) => stationSelect.append(
      ...page.items.map((s) => h('option', { value: s.id }, s.name)))).catch(() => {});
  }
  const drawFilters = () => filters.replaceChildren(...[
    levelFilter(state.level, (level) => { state.level = level; drawFilters(); load(); }),
    stationSelect && h('div', { class: 'field' }, h('label', { for: 'w-station' }, t('w_station')), stationSelect),
  ].filter(Boolean));
  const load = async () => {
    const query = new URLSearchParams({ limit: '100' });
    if (state.level) query.set('level', state.level);
    if (state.station) query.set('station_id', state.station);
    try {
      const page = await api(`/api/warnings?${query}`);
      const counts = LEVELS.map((level) => `${t(`wl_${level}`)} ${page.items.filter((w) => w.level === level).length}`);
      total.textContent = `${t('w_total', { n: page.total })} · ${counts.join(' · ')}`;
      list.replaceChildren(...(page.items.length ? page.items.map((w) => warningCard(w)) : [empty(t('w_empty'))]));
    } catch (err) {
      list.replaceChildren(failed(err, load));
    }
  };
  drawFilters();
  section.replaceChildren(filters, total, list);
  await load();
}

/** Staff (their station) and admins: the warning board, a tab of the station console. */
export async function board() {
  const section = h('section', { class: 'board', 'aria-labelledby': 'w-title' });
  show(t('w_title'), h('h1', { id: 'w-title' }, t('w_title')), h('p', { class: 'hint' }, t('w_intro_staff')), section);
  await drawBoard(section, { stations: storedUser()?.role === 'admin' });
}

/** The labour bureau's home: the whole city's board, by station; other panels (cases) join it here. */
export async function supervisorHome() {
  const section = h('section', { id: 'sv-warnings', 'aria-labelledby': 'w-title' });
  show(t('sv_title'), h('h1', {}, t('sv_title')),
    h('p', {}, h('a', { href: '#/exports', class: 'button', id: 'sv-exports' }, t('ex_link'))),
    h('div', { id: 'sv-panels' },
      h('div', { class: 'board' }, h('h2', { id: 'w-title' }, t('w_title')), h('p', { class: 'hint' }, t('w_intro_bureau')), section)));
  await drawBoard(section, { stations: true });
}

/** The employer's own warnings, for their home: nothing when there are none. */
export function employerWarnings() {
  const panel = h('section', { class: 'panel', hidden: true, 'aria-labelledby': 'ew-title' });
  // `ready` settles once the panel has drawn (or has nothing to say): a list below it can wait for it, so the
  // list does not jump down when the panel arrives late (a layout shift)
  panel.ready = api('/api/warnings?limit=20').then((page) => {
    if (!page.items.length) return;
    panel.replaceChildren(h('h2', { id: 'ew-title' }, t('w_yours')),
      h('ul', { class: 'cards' }, ...page.items.map((w) => warningCard(w, { forEmployer: true }))));
    panel.hidden = false;
  }).catch(() => {});
  return panel;
}

/** Wait (at most `ms`) until an `employerWarnings` panel has drawn; draw nothing if the user has moved on. */
export async function warningsDrawn(panel, ms = 1200) {
  const screen = screenSignal();
  await Promise.race([panel.ready, new Promise((done) => { setTimeout(done, ms); })]);
  await stillShown(screen);
}
