// No-shows on an order card: the employer records one after the start, the worker objects once, staff decide;
// and the staff list of objections waiting for a decision.
import { api, storedUser } from './api.js';
import { t, when } from './i18n.js';
import { act, badge, empty, failed, field, form, h, loading, show, toast } from './ui.js';
import { confirmed } from './confirm.js';

const started = (order) => new Date(order.starts_at) <= new Date();
const pending = (ns) => ns && ns.objected_at && !ns.decided_at;

/** What happened to the order's no-show so far, or null when it has none; worded for the worker or the others. */
export function noShowInfo(order) {
  const ns = order.no_show;
  if (!ns) return null;
  const worker = storedUser()?.role === 'worker';
  const lines = [];
  if (order.status === 'no_show' && !ns.objected_at) {
    lines.push(t(worker ? 'no_show_objection_due' : 'no_show_objection_due_other', { t: when(ns.objection_due_at) }));
  }
  if (ns.objected_at) lines.push(t(worker ? 'no_show_objected_mine' : 'no_show_objected', { note: ns.objection_note }));
  if (ns.decided_at) lines.push(ns.upheld ? t('no_show_upheld') : t('no_show_dismissed', { note: ns.decision_note || '—' }));
  return h('div', { class: 'notice' }, ...lines.map((line) => h('p', {}, line)));
}

/** The employer's (or staff's) button to record a no-show, on an accepted order once it has started. */
export function recordButton(order, post, refresh) {
  if (order.status !== 'accepted' || order.checked_in_at || order.no_show || !started(order)) return null;
  const button = h('button', { type: 'button' }, t('record_no_show'));
  button.addEventListener('click', confirmed(button, { question: t('no_show_confirm'), ok: t('record_no_show'),
    done: t('no_show_recorded') }, async () => {
    await post('no-show');
    refresh();
  }));
  return button;
}

/** The worker's objection form, while the window is open and they have not objected yet. */
export function objectionForm(order, post, refresh) {
  const ns = order.no_show;
  if (order.status !== 'no_show' || !ns || ns.objected_at || new Date(ns.objection_due_at) < new Date()) return null;
  return form({ class: 'objection' }, [
    field(t('no_show_object_prompt'), 'note', { tag: 'textarea', maxlength: 200, required: true, rows: 2 }),
    h('button', { type: 'submit', class: 'primary' }, t('no_show_object')),
  ], async (_, data) => {
    await post('no-show/objection', { note: data.note.trim() });
    toast(t('no_show_objection_sent'));
    refresh();
  });
}

/** Staff's decision on a pending objection: uphold (the no-show is removed) or dismiss (it stands). */
export function decisionForm(order, post, refresh) {
  const user = storedUser();
  if (!user || !['staff', 'supervisor', 'admin'].includes(user.role) || !pending(order.no_show)) return null;
  const note = field(t('no_show_decision_note'), 'note', { maxlength: 200 });
  const decide = (upheld) => async () => {
    await post('no-show/objection/decision', { upheld, note: note.querySelector('input').value.trim() });
    refresh();
  };
  const uphold = h('button', { type: 'button', class: 'primary' }, t('no_show_uphold'));
  const dismiss = h('button', { type: 'button' }, t('no_show_dismiss'));
  uphold.addEventListener('click', act(uphold, decide(true)));
  dismiss.addEventListener('click', act(dismiss, decide(false)));
  return h('div', { class: 'decision' }, note, h('div', { class: 'actions' }, uphold, dismiss));
}

/** The two queues of objections staff decide (no-shows, ratings), one tap apart; `current` is this screen's hash. */
export function objectionTabs(current) {
  return h('nav', { class: 'tabs', 'aria-label': t('nav_objections') },
    ...[['#/s/no-shows', 'objection_tab_no_shows'], ['#/s/objections', 'objection_tab_ratings']].map(([href, key]) =>
      h('a', { href, 'aria-current': href === current ? 'page' : null }, t(key))));
}

/** Staff: every objection to a no-show still waiting for a decision. */
export async function objections() {
  const list = h('ul', { class: 'cards' }, loading());
  show(t('no_shows_title'), h('h1', {}, t('no_shows_title')), objectionTabs('#/s/no-shows'), list);
  const load = async () => {
    try {
      const page = await api('/api/orders?status=no_show&limit=100');
      const waiting = page.items.filter((o) => pending(o.no_show));
      list.replaceChildren(...(waiting.length ? waiting.map((order) => {
        const post = (path, body) => api(`/api/orders/${order.id}/${path}`, { method: 'POST', body: body || {} });
        return h('li', { class: 'card' },
          h('div', { class: 'row' }, h('h2', {}, `${order.worker.name} · ${order.job.title}`), badge(t('status_no_show'), order.status)),
          h('p', { class: 'meta' }, h('span', {}, when(order.starts_at)), h('span', {}, order.employer.name)),
          // Deciding usually takes a call to each side: both numbers, one tap away.
          h('p', { class: 'links' },
            h('a', { href: `tel:${order.worker.phone}` }, `${t('call')}${t('worker')} ${order.worker.phone}`), ' · ',
            h('a', { href: `tel:${order.employer.phone}` }, `${t('call')}${t('employer')} ${order.employer.phone}`)),
          noShowInfo(order), decisionForm(order, post, load));
      }) : [empty(t('no_shows_empty'))]));
    } catch (err) {
      list.replaceChildren(failed(err, load));
    }
  };
  await load();
}
