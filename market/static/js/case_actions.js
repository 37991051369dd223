// What each party may do on a case page: the claimant answers the follow-up (已解决 / 未解决); the employer replies
// and pays; station staff assign, note, send letters, close, reopen, escalate and record a phone follow-up; the
// bureau takes a case up (提级督办) or flags it (挂牌督办). Every act is a POST under /api/cases/{id}/…; the page
// reloads afterwards so the timeline shows what was recorded.
import { api } from './api.js';
import { CLOSED, OUTCOMES, letterName, outcomeName } from './case_words.js';
import { money, t } from './i18n.js';
import { act, field, form, h, toast } from './ui.js';

/** The server's body for each act, from what the forms collect (`note`, the outcome and the amount recovered). */
function serverBody(c, path, body) {
  const note = body.note || '';
  const claimants = c.claimants || [];
  switch (path) {
    case 'notes': case 'reply': return { text: note };
    case 'escalate': return { action: body.supervision === 'flagged' ? 'flag' : body.supervision === 'taken_up' ? 'take_up' : 'escalate', note };
    case 'follow-up': {
      const mine = body.worker_id ? claimants.find((k) => k.worker?.id === body.worker_id) : null;
      return { resolved: body.resolved, note, ...(mine ? { complaint_id: mine.id } : {}) };
    }
    case 'close': {
      let left = body.recovered_fen || 0;
      const recovered = [];
      for (const k of claimants) {
        const share = Math.min(left, k.amount_fen - (k.recovered_fen || 0));
        if (share > 0) { recovered.push({ complaint_id: k.id, amount_fen: share }); left -= share; }
      }
      return { outcome: body.outcome, note, recovered };
    }
    default: return body;
  }
}

const post = (c, path, body) => api(`/api/cases/${c.id}/${path}`, { method: 'POST', body: serverBody(c, path, body || {}) });

/** The letter just made: the newest PDF kept with the case. */
const newestPdf = (detail) => [...(detail.files || [])].reverse().find((f) => f.media_type === 'application/pdf')?.url;
const yuanToFen = (value) => Math.round(Number(value || 0) * 100);

/** A panel with a heading and a note box that posts `{note, ...extra()}` to the case's `path`. */
function noteForm(c, { title, path, button, required = false, extra = () => ({}), fields = [], done, reload }) {
  return form({ class: 'panel', 'aria-label': title }, [
    h('h3', {}, title), ...fields,
    field(t(required ? 'case_note_required' : 'case_note'), 'note', { tag: 'textarea', rows: 2, maxlength: 2000, required }),
    h('button', { type: 'submit', class: 'primary' }, button),
  ], async (el, data) => {
    await post(c, path, { note: (data.note || '').trim(), ...extra(data) });
    toast(done);
    reload();
  });
}

/** Generate a letter and open its PDF: the window opens on the tap (no pop-up blocker), the PDF when it is ready. */
function letterButton(c, kind, reload) {
  const button = h('button', { type: 'button' }, t('case_make_letter', { letter: letterName(kind) }));
  button.addEventListener('click', async () => {
    const win = window.open('', '_blank');
    button.disabled = true;
    try {
      const letter = await post(c, 'letters', { kind });
      const url = letter.pdf_url || newestPdf(letter);
      if (win) win.location.href = url; else window.location.href = url;
      toast(t('case_letter_made', { letter: letterName(kind) }));
      reload();
    } catch (err) {
      if (win) win.close();
      toast(err.detail || t('internal_error'));
    } finally { button.disabled = false; }
  });
  return button;
}

function followUpButtons(c, reload, workerId) {
  const note = h('textarea', { name: 'note', rows: 2, maxlength: 2000, 'aria-label': t('case_note') });
  const answer = (resolved) => {
    const button = h('button', { type: 'button', class: resolved ? 'primary' : '' }, t(resolved ? 'case_resolved' : 'case_unresolved'));
    button.addEventListener('click', act(button, async () => {
      await post(c, 'follow-up', { resolved, note: note.value.trim(), ...(workerId ? { worker_id: workerId } : {}) });
      toast(t(resolved ? 'case_thanks_resolved' : 'case_thanks_unresolved'));
      reload();
    }));
    return button;
  };
  return [h('label', { class: 'hint' }, t('case_note'), note), h('div', { class: 'actions' }, answer(true), answer(false))];
}

/** The claimant: after closure, did the money really come? */
export function workerPanel(c, user, reload) {
  const mine = (c.claimants || []).find((x) => x.worker?.id === user.id);
  if (!mine) return null;
  if (mine.follow_up) {
    return h('section', { class: 'panel' }, h('h2', {}, t('case_follow_up')),
      h('p', {}, t(mine.follow_up.resolved ? 'case_you_said_resolved' : 'case_you_said_unresolved')));
  }
  if (!CLOSED.has(c.status)) return h('p', { class: 'hint' }, t('case_worker_waiting'));
  return h('section', { class: 'panel followup', 'aria-labelledby': 'fu-h' },
    h('h2', { id: 'fu-h' }, t('case_follow_up')), h('p', {}, t('case_follow_up_question')), ...followUpButtons(c, reload));
}

/** The employer: answer in writing, and pay each claimant's order (the worker then confirms receipt). */
export function employerPanel(c, user, reload) {
  if (CLOSED.has(c.status)) return null;
  const pay = (x) => form({ class: 'panel', 'aria-label': `${t('case_pay')} ${x.worker?.name || ''}` }, [
    h('h3', {}, `${t('case_pay')} ${x.worker?.name || ''}`),
    field(t('paid_amount_prompt'), 'amount_fen', { type: 'number', min: 0, step: '0.01', inputmode: 'decimal', value: (x.amount_fen / 100).toFixed(2) }),
    field(t('payment_note'), 'note', { maxlength: 200 }),
    h('button', { type: 'submit', class: 'primary' }, t('mark_paid')),
  ], async (_, data) => {
    await api(`/api/orders/${x.order_id}/paid`, { method: 'POST', body: { amount_fen: yuanToFen(data.amount_fen), note: data.note.trim() } });
    toast(t('case_paid_recorded'));
    reload();
  });
  return h('section', {}, h('h2', {}, t('case_your_part')), h('p', { class: 'hint' }, t('case_employer_hint')),
    noteForm(c, { title: t('case_reply'), path: 'reply', button: t('case_send_reply'), required: true, done: t('case_reply_sent'), reload }),
    ...(c.claimants || []).filter((x) => x.order_id).map(pay));
}

function assignPanel(c, user, reload) {
  const mine = h('button', { type: 'button', class: 'primary' }, t('case_assign_me'));
  mine.addEventListener('click', act(mine, async () => { await post(c, 'assign', { owner_id: user.id }); toast(t('case_assigned')); reload(); }));
  const station = h('select', { name: 'station_id', 'aria-label': t('case_transfer_to') }, h('option', { value: '' }, `— ${t('pick_station')} —`));
  api('/api/stations?limit=100').then((page) => station.append(...page.items.filter((s) => s.id !== c.station?.id)
    .map((s) => h('option', { value: s.id }, `${s.district} · ${s.name}`))), () => {});
  const transfer = h('button', { type: 'button' }, t('case_transfer'));
  transfer.addEventListener('click', act(transfer, async () => {
    if (!station.value) throw { detail: t('case_pick_station') };
    await post(c, 'assign', { station_id: Number(station.value) });
    toast(t('case_assigned'));
    reload();
  }));
  return h('section', { class: 'panel' }, h('h3', {}, t('case_assign')),
    c.owner?.id !== user.id ? h('div', { class: 'actions' }, mine) : h('p', {}, t('case_yours')),
    h('div', { class: 'inline' }, station, transfer));
}

function closeForm(c, reload) {
  return noteForm(c, {
    title: t('case_close'), path: 'close', button: t('case_close'), required: true, done: t('case_closed_done'), reload,
    fields: [
      field(t('case_outcome'), 'outcome', { tag: 'select', value: 'recovered_full', options: OUTCOMES.map((o) => [o, outcomeName(o)]) }),
      field(t('case_recovered_yuan'), 'recovered_fen', { type: 'number', min: 0, step: '0.01', inputmode: 'decimal', value: (c.amount_fen / 100).toFixed(2) },
        t('case_recovered_hint', { amount: money(c.amount_fen) })),
    ],
    extra: (data) => ({ outcome: data.outcome, recovered_fen: data.outcome.startsWith('recovered') ? yuanToFen(data.recovered_fen) : 0 }),
  });
}

/** Station staff: the whole loop from assigning to closing, and after it the reopening and phone follow-up. */
export function staffPanel(c, user, reload) {
  if (CLOSED.has(c.status)) {
    const waiting = (c.claimants || []).filter((x) => !x.follow_up);
    return h('section', {}, h('h2', {}, t('case_actions')),
      ...waiting.map((x) => h('section', { class: 'panel' }, h('h3', {}, t('case_phone_follow_up', { name: x.worker?.name || '' })),
        ...followUpButtons(c, reload, x.worker?.id))),
      noteForm(c, { title: t('case_reopen'), path: 'reopen', button: t('case_reopen'), required: true, done: t('case_reopened'), reload }));
  }
  return h('section', {}, h('h2', {}, t('case_actions')),
    assignPanel(c, user, reload),
    noteForm(c, { title: t('case_add_note'), path: 'notes', button: t('case_add_note'), required: true, done: t('case_note_added'), reload }),
    h('section', { class: 'panel' }, h('h3', {}, t('case_letters')), h('p', { class: 'hint' }, t('case_letters_hint')),
      h('div', { class: 'actions' }, letterButton(c, 'reminder', reload), letterButton(c, 'supervision', reload))),
    closeForm(c, reload),
    c.escalated ? null : noteForm(c, { title: t('case_escalate'), path: 'escalate', button: t('case_escalate'), done: t('case_escalated_done'), reload }));
}

/** The labour bureau: take a case up or flag it, note, send the supervision letter, reopen a closed one. */
export function supervisorPanel(c, user, reload) {
  const supervise = (mode) => noteForm(c, {
    title: t(mode === 'taken_up' ? 'case_take_up' : 'case_flag'), path: 'escalate', button: t(mode === 'taken_up' ? 'case_take_up' : 'case_flag'),
    done: t('case_escalated_done'), extra: () => ({ supervision: mode }), reload,
  });
  if (CLOSED.has(c.status)) {
    return h('section', {}, h('h2', {}, t('case_actions')),
      noteForm(c, { title: t('case_reopen'), path: 'reopen', button: t('case_reopen'), required: true, done: t('case_reopened'), reload }));
  }
  return h('section', {}, h('h2', {}, t('case_actions')), h('p', { class: 'hint' }, t('case_supervise_hint')),
    c.supervision === 'taken_up' ? null : supervise('taken_up'),
    c.supervision === 'flagged' ? null : supervise('flagged'),
    noteForm(c, { title: t('case_add_note'), path: 'notes', button: t('case_add_note'), required: true, done: t('case_note_added'), reload }),
    h('section', { class: 'panel' }, h('h3', {}, t('case_letters')), h('div', { class: 'actions' }, letterButton(c, 'supervision', reload))));
}
