// Complaining about wages: the worker's buttons on an order (没收到工钱 / 工钱不对 once the pay-by time has passed;
// 数目不对 next to 已收到 when the employer marked it paid), the complaint form pre-filled with what is owed, and the
// station clerk's intake for a walk-in or a hotline caller (find the worker by phone, pick the order, the channel).
import { api, qs } from './api.js';
import { CHANNELS, KINDS, caseNo, channelName, kindName, statusName } from './case_words.js';
import { money, span, t, when } from './i18n.js';
import { empty, failed, field, form, h, loading, show, toast } from './ui.js';

const UNPAID = new Set(['accepted', 'checked_in', 'completed']);
const due = (order) => new Date(order.pay_due_at) <= new Date();
const gap = (order) => (order.paid_amount_fen != null ? Math.max(order.agreed_pay_fen - order.paid_amount_fen, 0) : 0);

/** What the worker says is owed for `kind`: the whole agreed pay, or what is missing of it. */
export function owed(order, kind) {
  if (kind === 'underpaid' && order.paid_amount_fen != null) return gap(order) || order.agreed_pay_fen;
  if (kind === 'other') return 0;
  return order.agreed_pay_fen;
}

/** The cases the worker is in, by order id (none when the list cannot be read: the buttons still show). */
export async function casesByOrder() {
  try {
    const page = await api('/api/cases?limit=100');
    const map = new Map();
    for (const c of page.items) for (const x of c.claimants || []) if (x.order_id) map.set(x.order_id, c);
    return map;
  } catch { return new Map(); }
}

/**
 * The worker's wage part of an order card: the case if one is open, else the gap and the employer's note on a
 * short payment, and the complaint buttons once they make sense. `confirm` is the card's 已收到 button, if any,
 * so 数目不对 stands next to it.
 */
export function payProblem(order, kase, confirm) {
  if (kase) {
    return h('div', { class: 'notice' }, h('p', {}, t('complaint_filed_as', { number: caseNo(kase.number), status: statusName(kase.status) })),
      h('a', { class: 'button', href: `#/case/${kase.id}` }, t('case_progress')));
  }
  const link = (kind, key, cls = '') => h('a', { class: `button ${cls}`, href: `#/complaint/${order.id}${qs({ kind })}` }, t(key));
  if (order.status === 'paid') {
    const short = gap(order) > 0;
    return h('div', { class: short ? 'notice' : '' },
      short ? h('p', {}, h('strong', {}, t('pay_gap', { gap: money(gap(order)), paid: money(order.paid_amount_fen), agreed: money(order.agreed_pay_fen) }))) : null,
      order.payment_note ? h('p', {}, t('employer_note', { note: order.payment_note })) : null,
      h('div', { class: 'actions' }, confirm, link('underpaid', 'amount_wrong')));
  }
  if (UNPAID.has(order.status) && due(order)) {
    return h('div', { class: 'actions' }, link('unpaid', 'not_paid_complain', 'primary'), link('underpaid', 'pay_wrong'));
  }
  return confirm ? h('div', { class: 'actions' }, confirm) : null;
}

function orderSummary(order) {
  return h('dl', { class: 'terms' },
    h('dt', {}, t('case_job')), h('dd', {}, order.job.title),
    h('dt', {}, t('employer')), h('dd', {}, order.employer?.name || '—'),
    h('dt', {}, t('when')), h('dd', {}, span(order.starts_at, order.ends_at)),
    h('dt', {}, t('agreed_pay')), h('dd', {}, money(order.agreed_pay_fen)),
    order.paid_amount_fen != null ? [h('dt', {}, t('paid_amount')), h('dd', {}, money(order.paid_amount_fen))] : null,
    h('dt', {}, t('pay_by')), h('dd', {}, when(order.pay_due_at)));
}

/** The complaint fields: kind (unpaid only once due), amount pre-filled with what is owed, a note. */
function complaintFields(order, kind) {
  const open = due(order) || order.status === 'paid';
  const kinds = KINDS.filter((k) => open || k === 'other');
  const chosen = kinds.includes(kind) ? kind : kinds[0];
  const amount = field(t('complaint_amount'), 'amount', { type: 'number', min: 0, step: '0.01', inputmode: 'decimal', value: (owed(order, chosen) / 100).toFixed(2) },
    t('complaint_amount_hint', { agreed: money(order.agreed_pay_fen) }));
  amount.dataset.field = 'amount_fen';
  const choice = h('fieldset', { class: 'choice', dataset: { field: 'kind' } }, h('legend', {}, t('complaint_kind')),
    ...kinds.map((k) => h('label', {}, h('input', { type: 'radio', name: 'kind', value: k, checked: k === chosen, onchange: () => {
      amount.querySelector('input').value = (owed(order, k) / 100).toFixed(2);
    } }), kindName(k))), h('p', { class: 'err' }));
  return [open ? null : h('p', { class: 'notice' }, t('complaint_not_due', { t: when(order.pay_due_at) })), choice, amount,
    field(t('complaint_note'), 'note', { tag: 'textarea', rows: 3, maxlength: 2000 }, t('complaint_note_hint'))];
}

/** The station nearest the site, to call instead of typing (the clerk files it for the worker). */
function stationHelp(order) {
  const box = h('div', { class: 'aside' });
  api(`/api/stations${qs({ lat: order.job.lat, lon: order.job.lon, limit: 1 })}`).then((page) => {
    const s = page.items[0];
    if (s) box.replaceChildren(h('p', {}, t('not_paid_help')), h('p', {}, `${s.name} (${s.hours}) `,
      h('a', { class: 'button', href: `tel:${s.phone}` }, `${t('call')} ${s.phone}`)));
  }, () => {});
  return box;
}

const body = (data) => ({ kind: data.kind, amount_fen: Math.round(Number(data.amount || 0) * 100), note: (data.note || '').trim() });

/** The worker's complaint about one order (#/complaint/{order_id}?kind=unpaid|underpaid|other). */
export async function complaint({ params, query }) {
  show(t('complaint_title'), loading());
  let order;
  try { order = await api(`/api/orders/${params[0]}`); } catch (err) {
    show(t('complaint_title'), failed(err, () => complaint({ params, query })));
    return;
  }
  show(t('complaint_title'),
    h('p', {}, h('a', { href: '#/orders', class: 'back' }, `← ${t('back')}`)),
    h('h1', {}, t('complaint_title')), h('p', {}, t('complaint_intro')), orderSummary(order),
    form({ 'aria-label': t('complaint_title') }, [...complaintFields(order, query.get('kind') || 'unpaid'),
      h('button', { type: 'submit', class: 'primary big' }, t('complaint_send'))], async (_, data) => {
      const answer = await api(`/api/orders/${order.id}/complaints`, { method: 'POST', body: body(data) });
      toast(t('complaint_sent', { number: caseNo(answer.case.number) }));
      location.hash = `#/case/${answer.case.id}`;
    }),
    h('p', { class: 'hint' }, t('complaint_privacy')), stationHelp(order));
}

function intakeOrder(order, worker) {
  const channel = field(t('intake_channel'), 'channel', { tag: 'select', value: 'station', options: CHANNELS.map((c) => [c, channelName(c)]) });
  return h('li', { class: 'card' },
    h('div', { class: 'row' }, h('h3', {}, `${order.job.title} · ${order.employer?.name || ''}`), h('span', { class: 'badge' }, t(`status_${order.status}`))),
    h('p', { class: 'meta' }, h('span', {}, span(order.starts_at, order.ends_at)), h('span', {}, `${t('agreed_pay')} ${money(order.agreed_pay_fen)}`),
      h('span', {}, `${t('pay_by')} ${when(order.pay_due_at)}`)),
    h('details', {}, h('summary', {}, t('intake_this_order')),
      form({ 'aria-label': `${t('intake_this_order')} ${order.job.title}` }, [channel, ...complaintFields(order, 'unpaid'),
        h('button', { type: 'submit', class: 'primary' }, t('intake_file', { name: worker.name }))], async (_, data) => {
        const answer = await api(`/api/orders/${order.id}/complaints`, { method: 'POST', body: { ...body(data), channel: data.channel } });
        toast(t('complaint_sent', { number: caseNo(answer.case.number) }));
        location.hash = `#/case/${answer.case.id}`;
      })));
}

/** Station intake: a walk-in or a hotline caller's complaint, entered by the clerk (#/s/intake). */
export function intake() {
  const result = h('div', { 'aria-live': 'polite' });
  const find = form({ class: 'panel', role: 'search', 'aria-label': t('intake_find') }, [
    h('h2', {}, t('intake_find')), h('p', { class: 'hint' }, t('intake_find_hint')),
    h('div', { class: 'inline', dataset: { field: 'phone' } },
      h('input', { type: 'tel', name: 'phone', inputmode: 'numeric', 'aria-label': t('phone'), placeholder: t('phone'), autocomplete: 'off' }),
      h('button', { type: 'submit', class: 'primary' }, t('find'))),
    h('p', { class: 'err', role: 'alert' }),
  ], async (_, data) => {
    let worker;
    try {
      worker = await api('/api/workers/search', { method: 'POST', body: { phone: data.phone.trim() } });
    } catch (err) {
      if (err.status !== 404) throw err;
      result.replaceChildren(h('p', { class: 'notice' }, t('intake_not_found'), ' ', h('a', { href: '#/s' }, t('register_walkin'))));
      return;
    }
    result.replaceChildren(loading());
    const page = await api(`/api/orders${qs({ worker_id: worker.id, limit: 50 })}`);
    const orders = page.items.filter((o) => o.status !== 'cancelled');
    result.replaceChildren(h('h2', {}, t('intake_orders_of', { name: worker.name })),
      orders.length ? h('ul', { class: 'cards' }, ...orders.map((o) => intakeOrder(o, worker))) : empty(t('orders_empty')));
  });
  show(t('intake_title'), h('p', {}, h('a', { href: '#/cases', class: 'back' }, `← ${t('back')}`)),
    h('h1', {}, t('intake_title')), h('div', { class: 'cols' }, find, result));
}
