// The inbox: what happened to the user's orders and jobs (GET /api/notifications), newest first.
import { api, qs, storedUser } from './api.js';
import { t, when } from './i18n.js';
import { act, empty, failed, h, loading, show } from './ui.js';

// Links name the thing (`/#/orders/12`, `/#/jobs/5`, `/#/contracts/3`); each role has its own screen for it.
function localLink(link) {
  const path = link.replace(/^\/?#?/, '/').replace(/^\/+/, '/');
  const role = storedUser()?.role;
  const order = path.match(/^\/orders?(\/\d+)?$/);
  if (order) return role === 'employer' ? '#/e/orders' : role === 'worker' ? '#/orders' : '#/s';
  const job = path.match(/^\/jobs?\/(\d+)$/);
  if (job) return role === 'worker' ? `#/job/${job[1]}` : `#/e/job/${job[1]}`;
  const contract = path.match(/^\/contracts?\/(\d+)$/);
  if (contract) return `#/contract/${contract[1]}`;
  return `#${path}`;
}

function item(n, refresh) {
  const unread = !n.read_at;
  const open = async () => {
    if (unread) await api(`/api/notifications/${n.id}/read`, { method: 'POST' }).catch(() => null);
    if (n.link) location.hash = localLink(n.link);
    else refresh();
  };
  return h('li', { class: `card note${unread ? ' unread' : ''}` },
    h('button', { type: 'button', class: 'cardlink plain', onclick: open },
      h('span', { class: 'row' }, h('strong', {}, n.title), unread ? h('span', { class: 'badge accepted' }, t('unread')) : null),
      n.body ? h('span', { class: 'body' }, n.body) : null,
      h('span', { class: 'meta' }, when(n.created_at))));
}

export async function inbox() {
  const list = h('ul', { class: 'cards' }, loading());
  const readAll = h('button', { type: 'button', hidden: true }, t('mark_all_read'));
  const moreBox = h('div');
  show(t('inbox_title'), h('div', { class: 'row' }, h('h1', {}, t('inbox_title')), readAll), list, moreBox);
  let offset = 0;
  const load = async (reset) => {
    if (reset) offset = 0;
    let page;
    try {
      page = await api(`/api/notifications${qs({ limit: 30, offset })}`);
    } catch (err) {
      list.replaceChildren(err.status === 404 || err.status === 405 ? empty(t('inbox_unavailable')) : failed(err, () => load(true)));
      return;
    }
    if (offset === 0) list.replaceChildren();
    if (!page.items.length && offset === 0) list.replaceChildren(empty(t('inbox_empty')));
    list.append(...page.items.map((n) => item(n, () => load(true))));
    offset += page.items.length;
    readAll.hidden = !page.unread;
    moreBox.replaceChildren(offset < page.total ? h('button', { type: 'button', class: 'wide', onclick: () => load(false) }, t('more')) : '');
  };
  readAll.addEventListener('click', act(readAll, async () => {
    await api('/api/notifications/read-all', { method: 'POST' });
    await load(true);
  }));
  await load(true);
}
