// Wage cases: the list each role sees (a worker's own, the cases about an employer, a station's queue, the bureau's
// whole city) and the case page: its facts, claimants, deadline, timeline in plain words and the caller's actions.
import { api, qs } from './api.js';
import { employerPanel, staffPanel, supervisorPanel, workerPanel } from './case_actions.js';
import { caseBadges, caseNo, channelName, kindName, queueOrder, timeline, CLOSED } from './case_words.js';
import { money, t, when } from './i18n.js';
import { empty, failed, h, loading, show } from './ui.js';

const OVERSEE = new Set(['staff', 'admin', 'supervisor']);

function caseCard(c, user) {
  const mine = user.role === 'worker' ? (c.claimants || []).find((x) => x.worker?.id === user.id) : null;
  return h('li', { class: `card case${c.overdue ? ' is-overdue' : ''}` },
    h('a', { class: 'cardlink', href: `#/case/${c.id}` },
      h('div', { class: 'row' }, h('h2', {}, user.role === 'employer' || user.role === 'worker' ? caseNo(c.number) : c.employer?.name || caseNo(c.number)),
        h('strong', { class: 'pay' }, money(mine ? mine.amount_fen : c.amount_fen))),
      h('p', {}, caseBadges(c)),
      h('p', { class: 'meta' },
        user.role === 'worker' ? h('span', {}, c.employer?.name) : null,
        OVERSEE.has(user.role) ? h('span', {}, caseNo(c.number)) : null,
        h('span', {}, t('case_claimants_n', { n: (c.claimants || []).length || c.claimant_count || 1 })),
        c.station ? h('span', {}, c.station.name) : null,
        OVERSEE.has(user.role) ? h('span', {}, c.owner ? t('case_owner_is', { name: c.owner.name }) : t('case_no_owner')) : null),
      h('p', { class: 'meta' }, h('span', {}, `${t('case_opened')} ${when(c.opened_at)}`),
        c.due_at && !CLOSED.has(c.status) ? h('span', { class: c.overdue ? 'late' : '' }, `${t('case_due')} ${when(c.due_at)}`) : null)));
}

const FILTERS = {
  staff: [['all', 'case_filter_station', {}], ['mine', 'case_filter_mine', { mine: true }], ['overdue', 'case_filter_overdue', { overdue: true }],
    ['closed', 'case_filter_closed', { status: 'closed' }]],
  supervisor: [['all', 'case_filter_all', {}], ['overdue', 'case_filter_overdue', { overdue: true }],
    ['closed', 'case_filter_closed', { status: 'closed' }]],
};
FILTERS.admin = FILTERS.staff;

/** The cases the caller may see, in the order they should be read; staff and the bureau filter them. */
export async function cases({ user, query }) {
  const filters = FILTERS[user.role] || [];
  const chosen = filters.find(([name]) => name === query.get('f')) || filters[0];
  const title = t(OVERSEE.has(user.role) ? (user.role === 'supervisor' ? 'cases_title_bureau' : 'cases_title_queue') : 'cases_title_mine');
  const list = h('ul', { class: 'cards' }, loading());
  const tabs = filters.length ? h('nav', { class: 'tabs', 'aria-label': t('case_filters') }, ...filters.map(([name, key]) => h('a', {
    href: `#/cases${qs({ f: name === 'all' ? '' : name })}`, 'aria-current': chosen[0] === name ? 'page' : null }, t(key)))) : null;
  const tools = h('div', { class: 'actions' },
    user.role === 'staff' || user.role === 'admin' ? h('a', { class: 'button primary', href: '#/s/intake' }, t('intake_title')) : null,
    OVERSEE.has(user.role) ? h('a', { class: 'button', href: '#/figures' }, t('figures_title')) : null);
  show(title, h('h1', {}, title), tools, tabs, list);
  const more = h('div');
  list.after(more);
  let offset = 0;
  const load = async () => {
    let page;
    try {
      page = await api(`/api/cases${qs({ ...(chosen ? chosen[2] : {}), limit: 50, offset })}`);
    } catch (err) { list.replaceChildren(failed(err, load)); return; }
    if (offset === 0) list.replaceChildren();
    if (!page.items.length && offset === 0) list.replaceChildren(empty(t(OVERSEE.has(user.role) ? 'cases_empty_queue' : 'cases_empty_mine')));
    list.append(...[...page.items].sort(queueOrder).map((c) => caseCard(c, user)));
    offset += page.items.length;
    more.replaceChildren(offset < page.total ? h('button', { type: 'button', class: 'wide', onclick: load }, t('more')) : '');
  };
  await load();
}

function factsList(c, user) {
  const rows = [
    [t('case_number'), caseNo(c.number)],
    [t('case_state'), caseBadges(c)],
    [t('employer'), c.employer?.name],
    c.station ? [t('case_station'), c.station.name] : null,
    OVERSEE.has(user.role) ? [t('case_owner'), c.owner ? c.owner.name : t('case_no_owner')] : null,
    [t('case_opened'), when(c.opened_at)],
    c.due_at && !CLOSED.has(c.status) ? [t('case_due'), h('span', { class: c.overdue ? 'late' : '' }, when(c.due_at))] : null,
    [t('case_amount'), money(c.amount_fen)],
    c.recovered_fen != null ? [t('case_recovered'), money(c.recovered_fen)] : null,
  ].filter(Boolean);
  return h('dl', { class: 'terms' }, ...rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

function claimantsList(c, user) {
  const rows = user.role === 'worker' ? (c.claimants || []).filter((x) => x.worker?.id === user.id) : c.claimants || [];
  const others = (c.claimants || []).length - rows.length;
  return h('section', {}, h('h2', {}, t('case_claimants')),
    h('ul', { class: 'cards' }, ...rows.map((x) => h('li', { class: 'card' },
      h('div', { class: 'row' }, h('h3', {}, user.role === 'worker' ? t('case_your_claim') : x.worker?.name), h('strong', { class: 'pay' }, money(x.amount_fen))),
      h('p', { class: 'meta' }, h('span', {}, kindName(x.kind)), x.channel ? h('span', {}, channelName(x.channel)) : null,
        x.order_id ? h('span', {}, t('case_order_n', { n: x.order_id })) : null,
        x.follow_up ? h('span', {}, t(x.follow_up.resolved ? 'case_said_resolved' : 'case_said_unresolved')) : null),
      x.note ? h('p', {}, x.note) : null))),
    others > 0 ? h('p', { class: 'hint' }, t('case_others', { n: others })) : null);
}

/** What the case means for the worker now, in one sentence. */
function plainState(c) {
  const key = `case_plain_${c.status}`;
  const text = t(key);
  return text === key ? null : h('p', { class: 'notice' }, text);
}

/** One case: facts, claimants, the caller's actions, the timeline. */
export async function caseDetail({ params, user }) {
  show(t('case_title'), loading());
  const load = async () => {
    let c;
    try {
      c = await api(`/api/cases/${params[0]}`);
    } catch (err) { show(t('case_title'), failed(err, load)); return; }
    const panel = { worker: workerPanel, employer: employerPanel, staff: staffPanel, admin: staffPanel, supervisor: supervisorPanel }[user.role];
    show(`${t('case_title')} ${c.number}`,
      h('p', {}, h('a', { href: user.role === 'worker' ? '#/orders' : '#/cases', class: 'back' }, `← ${t('back')}`)),
      h('h1', {}, `${t('case_title')} ${caseNo(c.number)}`),
      user.role === 'worker' ? plainState(c) : null,
      h('div', { class: 'cols' },
        h('div', {}, factsList(c, user), claimantsList(c, user)),
        h('div', {}, panel ? panel(c, user, load) : null,
          h('section', {}, h('h2', {}, t('case_timeline')), timeline(c.trail, user, c)))));
  };
  await load();
}
