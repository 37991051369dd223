// The station counter, for a walk-in: jobs ranked by their trades (their own radar), a warning before signing
// them to a job outside their trades, their orders and contracts one tap away, and finding a worker by name or
// ID number (each search is recorded by the server).
import { api, qs } from './api.js';
import { ask } from './confirm.js';
import { contractLink } from './contract.js';
import { payText, span, t } from './i18n.js';
import { employerOrderCard } from './employer.js';
import { ratingsDrawn } from './rating.js';
import { badge, empty, failed, form, h, loading, show } from './ui.js';

const ID_NUMBER = /^\d{17}[\dXx]$/;

/** Whether the job asks for none of the worker's trades (from the matcher's reasons when it ranked the job). */
export function outsideTrades(job, worker) {
  if (job.matched_skills) return !job.matched_skills.some(([, held]) => held);
  const held = new Set(worker.skills.map((s) => s.name));
  return !job.skills.some((name) => held.has(name));
}

function jobItem(job, worker) {
  const outside = outsideTrades(job, worker);
  const href = `#/s/accept/${job.id}/${worker.id}${outside ? '?outside=1' : ''}`;
  const link = h('a', { class: 'button primary', href }, t('accept_for'));
  if (outside) {
    link.addEventListener('click', async (event) => {
      event.preventDefault();
      const trades = worker.skills.map((s) => s.name).join('、') || t('none');
      if (await ask(t('outside_trades_q', { n: worker.name, j: job.title }), { ok: t('accept_anyway'),
        detail: t('outside_trades_detail', { mine: trades, need: job.skills.join('、') }) })) location.hash = href;
    });
  }
  return h('li', { class: `card${outside ? ' outside' : ''}` },
    h('div', { class: 'row' }, h('h3', {}, job.title), h('strong', { class: 'pay' }, payText(job.pay))),
    h('p', { class: 'meta' }, job.distance_km != null ? h('span', {}, t('km', { n: job.distance_km.toFixed(1) })) : null,
      h('span', {}, span(job.starts_at, job.ends_at)), h('span', {}, job.employer.name),
      h('span', {}, t('filled_of', { f: job.filled, h: job.headcount })), h('span', {}, job.skills.join('、'))),
    job.score != null ? h('p', { class: 'why' }, badge(t('fit', { n: Math.round(job.score * 100) }), 'fit')) : null,
    outside ? h('p', { class: 'warn' }, `⚠ ${t('outside_trades')}`) : null,
    link);
}

/**
 * The walk-in's work: "their trades" (ranked by the matcher for them; needs the station's consent) or "all nearby"
 * (nearest first, the out-of-trade ones marked). `skill` narrows either to one trade.
 */
export function walkInWork(worker, center, skill) {
  const list = h('ul', { class: 'cards', 'aria-live': 'polite' });
  const note = h('div');
  let mode = 'fit';
  const tabs = [['fit', t('work_fit')], ['near', t('work_near')]].map(([key, words]) => {
    const tab = h('button', { type: 'button', class: 'tab', 'aria-pressed': String(key === mode), dataset: { mode: key } }, words);
    tab.addEventListener('click', () => { mode = key; tabs.forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.mode === mode))); load(); });
    return tab;
  });
  const near = () => api(`/api/jobs${qs({ lat: center?.lat, lon: center?.lon, skill: skill.value, radius_km: worker.max_distance_km || 20, limit: 30 })}`);
  const load = async () => {
    list.replaceChildren(loading());
    note.replaceChildren();
    try {
      let page;
      if (mode === 'fit') {
        try {
          page = await api(`/api/workers/${worker.id}/jobs${qs({ lat: worker.location ? null : center?.lat,
            lon: worker.location ? null : center?.lon, skill: skill.value, limit: 30 })}`);
        } catch (err) {
          if (err.code !== 'not_a_walk_in') throw err;
          note.replaceChildren(h('p', { class: 'notice' }, t('fit_needs_consent')));
          page = await near();
        }
        if (!page.items.length && !note.childNodes.length) {
          note.replaceChildren(h('p', { class: 'notice' }, t('fit_none_nearby')));
          page = await near();
        }
      } else {
        page = await near();
      }
      list.replaceChildren(...(page.items.length ? page.items.map((job) => jobItem(job, worker)) : [empty(t('radar_empty'))]));
    } catch (err) { list.replaceChildren(failed(err, load)); }
  };
  skill.addEventListener('change', load);
  return { element: h('div', {}, h('div', { class: 'tabs', role: 'group', 'aria-label': t('find_work') }, ...tabs), note, list), load };
}

/** The link from the walk-in's page to their orders and contracts. */
export function ordersLink(worker) {
  return h('a', { class: 'button', href: `#/s/worker/${worker.id}/orders` }, t('walk_in_orders'));
}

/** Staff: one walk-in's orders and contracts, with the acts staff may do on them (each confirmed). */
export async function walkInOrders({ params }) {
  const list = h('ul', { class: 'cards' }, loading());
  const title = h('h1', {}, t('walk_in_orders'));
  show(t('walk_in_orders'), h('p', {}, h('a', { href: `#/s/worker/${params[0]}`, class: 'back' }, `← ${t('back')}`)), title, list);
  const load = async () => {
    try {
      const [worker, page] = await Promise.all([api(`/api/workers/${params[0]}`),
        api(`/api/orders${qs({ worker_id: params[0], limit: 100 })}`)]);
      title.textContent = `${worker.name} · ${t('walk_in_orders')}`;
      const cards = page.items.map((order) => {
        const card = employerOrderCard(order, load, 'h2');
        if (!card.querySelector('a[href^="#/contract/"]')) card.append(contractLink(order) || '');
        if (order.employer?.phone) card.append(h('p', {}, h('a', { class: 'button', href: `tel:${order.employer.phone}` }, t('call_employer_number', { p: order.employer.phone }))));
        return card;
      });
      await ratingsDrawn(cards);
      list.replaceChildren(...(cards.length ? cards : [empty(t('orders_empty'))]));
    } catch (err) { list.replaceChildren(failed(err, load)); }
  };
  await load();
}

/** The console's "find by name or ID number" panel; the term goes in the body (never a URL) and is recorded. */
export function findByName() {
  const results = h('ul', { class: 'cards', 'aria-live': 'polite' });
  const el = form({ class: 'panel', role: 'search', 'aria-label': t('find_by_name') }, [
    h('h2', {}, t('find_by_name')),
    h('div', { dataset: { field: 'name' } }, h('div', { class: 'inline' },
      h('input', { type: 'search', name: 'term', 'aria-label': t('name_or_id'), placeholder: t('name_or_id'), autocomplete: 'off', maxlength: 50 }),
      h('button', { type: 'submit', class: 'primary', dataset: { busy: t('busy_find') } }, t('search'))),
    h('p', { class: 'err', role: 'alert' })),
    h('div', { dataset: { field: 'id_number' } }, h('p', { class: 'err', role: 'alert' })),
    results,
  ], async (_, data) => {
    const term = data.term.trim();
    const body = ID_NUMBER.test(term) ? { id_number: term.toUpperCase() } : { name: term };
    const page = await api('/api/workers/lookup', { method: 'POST', body });
    results.replaceChildren(...(page.items.length ? page.items.map((w) => h('li', { class: 'card' },
      h('a', { class: 'cardlink', href: `#/s/worker/${w.id}` },
        h('div', { class: 'row' }, h('h3', {}, w.name), h('span', {}, w.phone)),
        h('p', { class: 'meta' }, h('span', {}, w.skills.map((s) => s.name).join('、') || t('none')),
          w.id_number ? h('span', {}, w.id_number) : null)))) : [empty(t('lookup_empty'))]),
      page.total > page.items.length ? h('li', { class: 'hint' }, t('lookup_more', { n: page.total })) : '');
  });
  return el;
}

/** Stations nearest first from `center` (the station in use, or the phone's position); the server sorts. */
export async function stationsNear(center, limit = 100) {
  return api(`/api/stations${qs({ lat: center?.lat, lon: center?.lon, limit })}`);
}
