// The worker's phone screens: the radar (work near them ranked by fit), a job and accepting it, their orders.
import { api, idempotencyKey, qs } from './api.js';
import { casesByOrder, payProblem } from './complaint.js';
import { contractLink, rememberContract } from './contract.js';
import { money, payText, span, t, when } from './i18n.js';
import { noShowInfo, objectionForm } from './noshow.js';
import { shareButton } from './share.js';
import { act, badge, busy, empty, failed, h, here, loading, show, toast } from './ui.js';
import { callButton, distanceText, mapLinks } from './places.js';
import { confirmed } from './confirm.js';
import { speakButton } from './reach.js';
import { keepAnswer, lastAnswer, takeHandedOver } from './offline.js';
import { ratingSlot, ratingsDrawn } from './rating.js';
import { creditMark } from './grade.js';

/** Plain reasons a job suits the worker, from the radar's matched_skills and breakdown. */
export function reasons(job) {
  const out = [];
  for (const [required, held] of job.matched_skills || []) {
    if (!held) continue;
    out.push(required === held ? t('why_skill_same', { held }) : t('why_skill', { held, req: required }));
  }
  const b = job.breakdown || {};
  if (b.distance >= 0.7) out.push(t('why_close'));
  if (b.experience >= 0.8) out.push(t('why_experience'));
  if (b.reliability >= 0.9) out.push(t('why_reliable'));
  if (b.employer_grade > 0) out.push(t('why_grade'));
  return out;
}

function placesLeft(job) {
  const left = job.headcount - job.filled;
  return left > 0 ? t('places_left', { n: left }) : t('full');
}

function jobCard(job) {
  const why = reasons(job);
  return h('li', { class: 'card job' },
    h('a', { href: `#/job/${job.id}`, class: 'cardlink' },
      h('div', { class: 'row' }, h('h2', {}, job.title), h('strong', { class: 'pay' }, payText(job.pay))),
      h('p', { class: 'meta' },
        job.distance_km != null ? h('span', {}, t('km', { n: job.distance_km.toFixed(1) })) : null,
        h('span', {}, span(job.starts_at, job.ends_at))),
      h('p', { class: 'meta' }, h('span', {}, job.employer.name), creditMark(job.employer), h('span', {}, placesLeft(job))),
      job.score != null ? h('p', { class: 'why' },
        badge(t('fit', { n: Math.round(job.score * 100) }), 'fit'),
        ...why.slice(0, 3).map((r) => h('span', { class: 'reason' }, r))) : null));
}

export async function radar({ query }) {
  const q = query.get('q') || '';
  const list = h('ul', { class: 'cards', 'aria-live': 'polite' });
  const searchBox = h('input', { type: 'search', name: 'q', value: q, 'aria-label': t('search'), placeholder: t('search_placeholder'), enterkeyhint: 'search' });
  const search = h('form', { class: 'search', role: 'search', onsubmit: (e) => {
    e.preventDefault();
    location.hash = `#/radar${qs({ q: searchBox.value.trim() })}`;
  } }, searchBox, h('button', { type: 'submit' }, t('search')));
  const note = h('div');
  const moreBox = h('div');
  show(t('nav_radar'), h('h1', {}, t('radar_title')), search, note, list, moreBox);
  list.append(loading());

  let offset = 0;
  const load = async () => {
    const path = `/api/jobs${qs({ q, limit: 20, offset })}`;
    // Just signed in: the first page came with the login answer (kept for offline like any other answer).
    let page = offset === 0 && !q ? takeHandedOver('radar') : null;
    if (page) {
      keepAnswer(path, new Response(JSON.stringify(page), { status: 200, headers: { 'Content-Type': 'application/json' } }));
    } else {
      // The radar this phone last saw for this worker, drawn at once while the fresh one comes (one round trip
      // less before anything is on screen); replaced as soon as it arrives.
      const early = offset === 0 ? await lastAnswer(path) : null;
      if (early) list.replaceChildren(...early.items.map(jobCard));
      try {
        page = await api(path);
      } catch (err) {
        if (!early) list.replaceChildren(failed(err, load));
        return;
      }
    }
    if (offset === 0) list.replaceChildren();
    if (offset === 0 && page.items.length && page.items[0].score == null) {
      note.replaceChildren(h('div', { class: 'notice' }, h('p', {}, t('radar_needs_profile')), h('a', { class: 'button', href: '#/profile' }, t('go_profile'))));
    }
    if (!page.items.length && offset === 0) {
      list.replaceChildren(empty(t('radar_empty'), h('a', { class: 'button', href: '#/profile' }, t('go_profile'))));
    }
    list.append(...page.items.map(jobCard));
    offset += page.items.length;
    moreBox.replaceChildren(offset < page.total
      ? h('button', { type: 'button', class: 'wide', onclick: load }, t('more')) : '');
  };
  await load();
}

function termRows(rows) {
  return h('dl', { class: 'terms' }, ...rows.filter(Boolean).flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

/** The employer's pay record in words (GET /api/jobs/{id} only): aggregates from a minimum of deals, else "new". */
function payRecordText(record) {
  if (record.new) return t('pay_record_new', { m: record.min_deals });
  const parts = [record.paid_on_time_percent == null
    ? t('pay_record_none_due', { n: record.deals, mo: record.window_months })
    : t('pay_record', { n: record.deals, mo: record.window_months, p: record.paid_on_time_percent })];
  if (record.unpaid_overdue) parts.push(t('pay_record_overdue', { o: record.unpaid_overdue }));
  return parts.join(t('pay_record_sep'));
}

export function jobTerms(job) {
  const payBy = new Date(new Date(job.ends_at).getTime() + job.pay_due_hours * 3600 * 1000).toISOString();
  return termRows([
    [t('employer'), [job.employer.name, ' ', badge(t('credit', { g: job.employer.credit_grade || '—' })), ' ', creditMark(job.employer)]],
    job.employer_record ? [t('pay_record_label'), h('span', { class: 'pay-record' }, payRecordText(job.employer_record))] : null,
    [t('when'), span(job.starts_at, job.ends_at)],
    [t('where'), [job.location.address, job.distance_km != null ? ` (${t('km', { n: job.distance_km.toFixed(1) })})` : '']],
    [t('pay'), h('strong', {}, payText(job.pay))],
    [t('pay_by'), `${when(payBy)} · ${t('pay_due', { n: job.pay_due_hours })}`],
    [t('skills_needed'), job.skills.join('、')],
    [t('headcount'), t('filled_of', { f: job.filled, h: job.headcount })],
  ]);
}

export async function job({ params }) {
  show(t('job_title'), loading());
  let item;
  let mine;
  try {
    // The worker's own order for this job, if any: a job is taken once, so the page says so instead of offering it.
    [item, mine] = await Promise.all([api(`/api/jobs/${params[0]}`),
      api(`/api/orders${qs({ job_id: params[0], limit: 1 })}`).then((page) => page.items[0], () => undefined)]);
  } catch (err) {
    show(t('job_title'), failed(err, () => job({ params })));
    return;
  }
  // The radar's explanation is not part of GET /api/jobs/{id}; it is carried over from the list when present.
  const why = reasons(item);
  const confirmBox = h('section', { class: 'confirm', hidden: true, 'aria-labelledby': 'confirm-h' });
  const acceptBtn = h('button', { type: 'button', class: 'primary big' }, t('accept'));
  const full = item.filled >= item.headcount || item.status !== 'open';
  const key = idempotencyKey();
  acceptBtn.addEventListener('click', () => {
    const sign = h('button', { type: 'button', class: 'primary big' }, t('accept_sign'));
    const err = h('p', { class: 'formerr', role: 'alert', hidden: true });
    sign.addEventListener('click', async () => {
      const restore = busy(sign, t('busy_accept'));
      err.hidden = true;
      try {
        const result = await api(`/api/jobs/${item.id}/accept`, { method: 'POST', body: {}, headers: { 'Idempotency-Key': key } });
        if (result.contract) {
          rememberContract(result.order.id, result.contract);
          toast(t('accepted'));
          location.hash = `#/contract/${result.contract.id}`;
        } else {
          toast(t('contract_pending'));
          location.hash = '#/orders';
        }
      } catch (e) {
        err.textContent = e.detail;
        err.hidden = false;
        restore();
      }
    });
    confirmBox.replaceChildren(
      h('h2', { id: 'confirm-h' }, t('accept_title')),
      h('p', {}, t('accept_terms')), jobTerms(item), h('p', { class: 'hint' }, t('accept_note')), err,
      h('div', { class: 'actions' }, sign, h('button', { type: 'button', onclick: () => { confirmBox.hidden = true; acceptBtn.hidden = false; } }, t('cancel'))));
    confirmBox.hidden = false;
    acceptBtn.hidden = true;
    confirmBox.scrollIntoView({ behavior: 'smooth', block: 'start' });
    sign.focus({ preventScroll: true });
  });
  // The primary action stays in view (above the bottom bar) while the details scroll under it.
  const action = mine ? h('div', { class: 'notice' }, h('p', {}, t('job_taken_by_you', { s: t(`status_${mine.status}`) })),
    callButton(mine.employer.phone, t('call_employer'), true),
    contractLink(mine), h('a', { class: 'button', href: '#/orders' }, t('orders_title')))
    : full ? h('p', { class: 'notice' }, t('full')) : h('div', { class: 'stickyaction' }, acceptBtn);
  show(item.title,
    h('p', {}, h('a', { href: '#/radar', class: 'back' }, `← ${t('back')}`)),
    h('h1', {}, item.title),
    h('p', { class: 'row' }, h('span', { class: 'pay big' }, payText(item.pay)),
      item.distance_km != null ? h('strong', { class: 'away' }, distanceText(item.distance_km)) : null),
    why.length ? h('p', { class: 'why', 'aria-label': t('why') }, ...why.map((r) => h('span', { class: 'reason' }, r))) : null,
    shareButton(item),
    speakButton(item),
    mine ? action : null,
    jobTerms(item),
    mapLinks(item.navigation),
    item.description ? h('section', {}, h('h2', {}, t('description')), h('p', {}, item.description)) : null,
    mine ? null : action,
    confirmBox);
}

const LIVE = new Set(['accepted', 'checked_in']);

/** A worker's order; `kase` is the wage case about it, if any (complaint.js draws the wage part). */
export function orderCard(order, refresh, kase) {
  const actions = h('div', { class: 'actions' });
  const extra = h('div');
  const post = (path, body) => api(`/api/orders/${order.id}/${path}`, { method: 'POST', body: body || {} });
  if (order.status === 'accepted') {
    const checkIn = h('button', { type: 'button', class: 'primary', dataset: { busy: t('busy_check_in') } }, t('check_in'));
    checkIn.addEventListener('click', act(checkIn, async () => {
      const pos = await here().catch(() => { throw { detail: t('location_failed') }; });
      await post('check-in', pos);
      toast(t('checked_in'));
      refresh();
    }));
    const cancel = h('button', { type: 'button' }, t('cancel_order'));
    cancel.addEventListener('click', confirmed(cancel, { question: t('cancel_confirm'), ok: t('cancel_order'),
      done: t('cancelled') }, async () => {
      await post('cancel');
      refresh();
    }));
    actions.append(checkIn);
    // After the start the server refuses a cancel (a no-show is recorded instead): no button that cannot work.
    if (new Date(order.starts_at) > new Date()) actions.append(cancel);
  }
  let confirm = null;
  if (order.status === 'paid') {
    confirm = h('button', { type: 'button', class: 'primary' }, t('confirm_payment'));
    confirm.addEventListener('click', act(confirm, async () => { await post('confirm-payment'); toast(t('payment_confirmed')); refresh(); }));
  }
  const wages = payProblem(order, kase, confirm);
  const objection = objectionForm(order, post, refresh);
  if (objection) extra.append(objection);
  const rating = ratingSlot(order);
  if (rating) extra.append(rating);
  const link = contractLink(order);
  return h('li', { class: 'card' },
    h('div', { class: 'row' }, h('h2', {}, order.job.title), badge(t(`status_${order.status}`), order.status)),
    h('p', { class: 'meta' }, h('span', {}, span(order.starts_at, order.ends_at))),
    h('p', { class: 'meta' }, h('span', {}, order.job.address), order.job.distance_km != null ? h('span', {}, distanceText(order.job.distance_km)) : null),
    // The server sends the other side's number in full only while the order is live: no call button otherwise.
    h('div', { class: 'actions reach' }, callButton(order.employer.phone, t('call_employer')), LIVE.has(order.status) ? mapLinks(order.job.navigation) : null),
    h('p', { class: 'meta' }, h('span', {}, `${t('agreed_pay')} ${money(order.agreed_pay_fen)}`),
      order.paid_amount_fen != null ? h('span', {}, `${t('paid_amount')} ${money(order.paid_amount_fen)}`) : null,
      LIVE.has(order.status) || order.status === 'completed' ? h('span', {}, `${t('pay_by')} ${when(order.pay_due_at)}`) : null),
    order.status === 'accepted' ? h('p', { class: 'hint' }, t('check_in_hint')) : null,
    noShowInfo(order), link, actions, wages, extra);
}

export async function orders() {
  const list = h('ul', { class: 'cards' }, loading());
  show(t('orders_title'), h('h1', {}, t('orders_title')), list);
  const load = async () => {
    try {
      const [page, cases] = await Promise.all([api('/api/orders?limit=50'), casesByOrder()]);
      const cards = page.items.map((o) => orderCard(o, load, cases.get(o.id)));
      await ratingsDrawn(cards);
      list.replaceChildren(...(cards.length ? cards : [empty(t('orders_empty'), h('a', { class: 'button', href: '#/radar' }, t('nav_radar')))]));
    } catch (err) {
      list.replaceChildren(failed(err, load));
    }
  };
  await load();
}
