// Employer screens: post a job, my jobs and how full each is, ranked candidates with reasons, orders to settle.
import { api, qs, storedUser } from './api.js';
import { contractLink } from './contract.js';
import { localInputToIso, isoToLocalInput, money, payText, span, t, when, zoneLabel } from './i18n.js';
import { callButton } from './places.js';
import { positionPicker } from './profile.js';
import { tradeInput } from './trades.js';
import { badge, empty, failed, field, form, h, loading, show, toast } from './ui.js';
import { decisionForm, noShowInfo, recordButton } from './noshow.js';
import { jobTerms } from './worker.js';
import { employerWarnings, warningsDrawn } from './warnings.js';
import { shareButton } from './share.js';
import { ask, confirmed } from './confirm.js';
import { ratingSlot, ratingsDrawn, recordLine } from './rating.js';
import { inviteButton, poolButton } from './pool.js';
import { creditMark, gradeLink } from './grade.js';

function fullness(job) {
  const pct = job.headcount ? Math.round((job.filled / job.headcount) * 100) : 0;
  return h('div', { class: 'fill' },
    h('span', {}, t('filled_of', { f: job.filled, h: job.headcount })),
    h('progress', { max: job.headcount, value: job.filled, 'aria-label': `${pct}%` }));
}

export async function myJobs() {
  const list = h('ul', { class: 'cards' }, loading());
  const warnings = storedUser()?.role === 'employer' ? employerWarnings() : null;
  show(t('my_jobs'), h('div', { class: 'row' }, h('h1', {}, t('my_jobs')), h('a', { class: 'button primary', href: '#/e/post' }, t('nav_post'))),
    warnings ? h('p', {}, gradeLink()) : null, warnings, list);
  const load = async () => {
    try {
      const page = await api('/api/jobs?mine=true&limit=100');
      if (warnings) await warningsDrawn(warnings);
      list.replaceChildren(...(page.items.length ? page.items.map((job) => h('li', { class: 'card' },
        h('a', { class: 'cardlink', href: `#/e/job/${job.id}` },
          h('div', { class: 'row' }, h('h2', {}, job.title), badge(t(`job_status_${job.status}`), job.status), creditMark(job.employer)),
          h('p', { class: 'meta' }, h('span', {}, span(job.starts_at, job.ends_at)), h('span', {}, payText(job.pay))),
          fullness(job)))) : [empty(t('jobs_empty'))]));
    } catch (err) {
      list.replaceChildren(failed(err, load));
    }
  };
  await load();
}

function skillChips() {
  const chosen = [];
  const chips = h('ul', { class: 'chips' });
  const draw = () => chips.replaceChildren(...chosen.map((name, i) => h('li', {}, name,
    h('button', { type: 'button', class: 'link', 'aria-label': `${t('remove')} ${name}`, onclick: () => { chosen.splice(i, 1); draw(); } }, '×'))));
  const picker = tradeInput(t('trade_name'), (name) => {
    const clean = name.trim();
    if (clean && !chosen.includes(clean)) { chosen.push(clean); draw(); }
  });
  const el = h('fieldset', { class: 'group', dataset: { field: 'skills' } }, h('legend', {}, t('skills_needed')), chips, picker, h('p', { class: 'err', role: 'alert' }));
  el.value = () => {
    const typed = picker.querySelector('input').value.trim();
    return typed && !chosen.includes(typed) ? [...chosen, typed] : [...chosen];
  };
  return el;
}

export async function post({ user }) {
  let home = null;
  if (user.role === 'employer') {
    try { home = (await api('/api/employers/me')).location; } catch { home = null; }
  }
  const skills = skillChips();
  const place = positionPicker(home, t('place'));
  const tomorrow = new Date(Date.now() + 24 * 3600 * 1000);
  const start = `${isoToLocalInput(tomorrow.toISOString()).slice(0, 10)}T08:00`;
  const end = `${start.slice(0, 10)}T17:00`;
  show(t('post_title'), h('h1', {}, t('post_title')),
    form({ class: 'post' }, [
      user.role !== 'employer' ? field(t('employer_id'), 'employer_id', { type: 'number', inputmode: 'numeric', required: true }) : null,
      field(t('job_name'), 'title', { required: true, maxlength: 60, placeholder: t('job_name_ph') }),
      skills,
      place,
      field(t('starts', { zone: zoneLabel() }), 'starts_at', { type: 'datetime-local', value: start, required: true }),
      field(t('ends', { zone: zoneLabel() }), 'ends_at', { type: 'datetime-local', value: end, required: true }),
      field(t('headcount'), 'headcount', { type: 'number', min: 1, max: 500, value: 1, inputmode: 'numeric' }),
      h('div', { class: 'inline2', dataset: { field: 'pay' } },
        field(t('amount'), 'amount', { type: 'number', min: 0, step: '0.01', inputmode: 'decimal', required: true }),
        field(t('unit'), 'unit', { tag: 'select', value: 'day', options: [['day', t('unit_day')], ['hour', t('unit_hour')], ['piece', t('unit_piece')]] })),
      field(t('pay_due_hours'), 'pay_due_hours', { type: 'number', min: 0, max: 720, value: 24, inputmode: 'numeric' }),
      field(t('description'), 'description', { tag: 'textarea', rows: 3, maxlength: 2000 }),
      h('button', { type: 'submit', class: 'primary big' }, t('publish')),
    ], async (_, data) => {
      const body = {
        title: data.title.trim(), skills: skills.value(), description: data.description.trim(),
        location: place.value(), headcount: Number(data.headcount) || 0,
        starts_at: data.starts_at ? localInputToIso(data.starts_at) : '', ends_at: data.ends_at ? localInputToIso(data.ends_at) : '',
        pay: { amount_fen: Math.round(Number(data.amount || 0) * 100), unit: data.unit }, pay_due_hours: Number(data.pay_due_hours) || 0,
      };
      if (data.employer_id) body.employer_id = Number(data.employer_id);
      const job = await api('/api/jobs', { method: 'POST', body }).catch((err) => { place.failed(err); throw err; });
      toast(t('published'));
      location.hash = `#/e/job/${job.id}`;
    }));
}

/** The candidate's trade as the employer is told it: "会搬运工，3年" (with the years their profile gives). */
function candidateSkill(c, req, held) {
  const skill = (c.held_skills || []).find((s) => s.name === held);
  if (!skill) return req === held ? t('cand_skill_same', { held }) : t('cand_skill', { held, req });
  const said = t(skill.certified ? 'cand_skill_years_cert' : 'cand_skill_years', { held, y: skill.years });
  return req === held ? said : `${said}（${req}）`;
}

function candidateCard(c) {
  const parts = ['skill', 'distance', 'experience', 'reliability', 'rating'].filter((k) => c.breakdown[k] != null);
  return h('li', { class: 'card' },
    h('div', { class: 'row' }, h('h3', {}, c.display_name), badge(t('fit', { n: Math.round(c.score * 100) }), 'fit')),
    h('p', { class: 'meta' }, h('span', {}, t('km', { n: c.distance_km.toFixed(1) })),
      ...c.matched_skills.filter(([, held]) => held).map(([req, held]) => h('span', {}, candidateSkill(c, req, held)))),
    recordLine(c.record),
    h('div', { class: 'bars' }, ...parts.map((k) => h('span', { class: 'bar' }, h('span', {}, t(`part_${k}`)),
      h('meter', { min: 0, max: 1, value: c.breakdown[k], 'aria-label': `${t(`part_${k}`)} ${Math.round(c.breakdown[k] * 100)}%` })))));
}

/** An order as the employer (or the counter) acts on it; `heading` is its title's level under the page's headings. */
export function employerOrderCard(order, refresh, heading = 'h3') {
  const actions = h('div', { class: 'actions' });
  const post = (path, body) => api(`/api/orders/${order.id}/${path}`, { method: 'POST', body: body || {} });
  if (order.status === 'accepted' || order.status === 'checked_in') {
    // Completing opens at the start (the server refuses earlier); a no-show after the start and its grace.
    if (new Date(order.starts_at) <= new Date()) {
      const done = h('button', { type: 'button', class: 'primary' }, t('mark_complete'));
      done.addEventListener('click', confirmed(done, { question: t('complete_confirm', { w: order.worker.name, j: order.job.title }),
        ok: t('mark_complete'), done: t('completed_toast') }, async () => { await post('complete'); refresh(); }));
      actions.append(done);
    }
    const noShow = recordButton(order, post, refresh);
    if (noShow) actions.append(noShow);
  }
  if (order.status === 'completed') {
    const paidForm = form({ class: 'paid' }, [
      field(t('paid_amount_prompt'), 'amount_fen', { type: 'number', min: 0, step: '0.01', inputmode: 'decimal', value: (order.agreed_pay_fen / 100).toFixed(2) }),
      field(t('payment_note'), 'note', { maxlength: 200 }),
      h('button', { type: 'submit', class: 'primary' }, t('mark_paid')),
    ], async (_, data) => {
      const fen = Math.round(Number(data.amount_fen) * 100);
      if (!(await ask(t('paid_confirm', { m: money(fen), w: order.worker.name }), { ok: t('mark_paid') }))) return;
      await post('paid', { amount_fen: fen, note: data.note.trim() });
      toast(t('paid_toast'));
      refresh();
    });
    actions.append(paidForm);
  }
  return h('li', { class: 'card' },
    h('div', { class: 'row' }, h(heading, {}, `${order.worker.name} · ${order.job.title}`), badge(t(`status_${order.status}`), order.status)),
    h('p', { class: 'meta' }, h('span', {}, span(order.starts_at, order.ends_at))),
    h('p', {}, callButton(order.worker.phone, t('call_worker', { n: order.worker.name })) || h('span', { class: 'meta' }, order.worker.phone)),
    h('p', { class: 'meta' }, h('span', {}, `${t('agreed_pay')} ${money(order.agreed_pay_fen)}`),
      order.paid_amount_fen != null ? h('span', {}, `${t('paid_amount')} ${money(order.paid_amount_fen)}`) : h('span', {}, `${t('pay_by')} ${when(order.pay_due_at)}`)),
    noShowInfo(order), contractLink(order), actions, storedUser()?.role === 'employer' ? poolButton(order) : null,
    decisionForm(order, post, refresh), ratingSlot(order));
}

export async function jobDetail({ params }) {
  show(t('job_title'), loading());
  let job;
  try {
    job = await api(`/api/jobs/${params[0]}`);
  } catch (err) {
    show(t('job_title'), failed(err, () => jobDetail({ params })));
    return;
  }
  const candidates = h('ul', { class: 'cards' }, loading());
  const orderList = h('ul', { class: 'cards' }, loading());
  const cancel = h('button', { type: 'button' }, t('cancel_job'));
  cancel.addEventListener('click', confirmed(cancel, { question: t('cancel_job_confirm', { j: job.title }), ok: t('cancel_job'),
    done: t('job_cancelled') }, async () => {
    await api(`/api/jobs/${job.id}/cancel`, { method: 'POST' });
    jobDetail({ params });
  }));
  show(job.title,
    h('p', {}, h('a', { href: '#/e/jobs', class: 'back' }, `← ${t('back')}`)),
    h('div', { class: 'row' }, h('h1', {}, job.title), badge(t(`job_status_${job.status}`), job.status)),
    fullness(job), jobTerms(job),
    job.status === 'open' || job.status === 'full' ? h('div', { class: 'actions' }, cancel) : null,
    job.status === 'open' ? shareButton(job) : null,
    h('div', { class: 'cols' },
      h('section', {}, h('h2', {}, t('orders_of_job')), orderList),
      h('section', {}, h('h2', {}, t('candidates')), candidates)));
  const loadOrders = async () => {
    try {
      const page = await api(`/api/orders${qs({ job_id: job.id, limit: 100 })}`);
      const cards = page.items.map((o) => employerOrderCard(o, loadOrders));
      await ratingsDrawn(cards);
      orderList.replaceChildren(...(cards.length ? cards : [empty(t('orders_empty'))]));
    } catch (err) { orderList.replaceChildren(failed(err, loadOrders)); }
  };
  const loadCandidates = async () => {
    try {
      const page = await api(`/api/jobs/${job.id}/candidates?limit=20`);
      candidates.replaceChildren(...(page.items.length ? page.items.map((c) => {
        const card = candidateCard(c);
        if (job.status === 'open' && storedUser()?.role === 'employer') card.append(inviteButton(job.id, c.worker_id));
        return card;
      }) : [empty(t('candidates_empty'))]));
    } catch (err) { candidates.replaceChildren(failed(err, loadCandidates)); }
  };
  await Promise.all([loadOrders(), loadCandidates()]);
}

export async function orders() {
  const list = h('ul', { class: 'cards' }, loading());
  show(t('orders_title'), h('h1', {}, t('orders_title')), list);
  const load = async () => {
    try {
      const page = await api('/api/orders?limit=100');
      const cards = page.items.map((o) => employerOrderCard(o, load, 'h2'));
      await ratingsDrawn(cards);
      list.replaceChildren(...(cards.length ? cards : [empty(t('orders_empty'))]));
    } catch (err) { list.replaceChildren(failed(err, load)); }
  };
  await load();
}
