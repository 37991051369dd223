// Wage cases in words: the names of kinds, states, outcomes and channels, each trail entry as a plain sentence,
// and the order a queue is read in (overdue first, then escalated, then the nearest deadline).
// The values are the API's (GET /api/cases, /api/cases/{id}); an unknown value shows as itself, never breaks.
import { money, t, when } from './i18n.js';
import { h } from './ui.js';

export const KINDS = ['unpaid', 'underpaid', 'other'];
export const OUTCOMES = ['recovered_full', 'recovered_partial', 'unfounded', 'referred', 'withdrawn'];
export const CHANNELS = ['station', 'hotline_12333', 'hotline_12345'];
export const CLOSED = new Set(['closed', 'follow_up', 'archived']);

function named(prefix, value) {
  const key = `${prefix}_${value}`;
  const text = t(key);
  return text === key ? String(value) : text;
}

/** A case number that never breaks at its hyphens (C‑2026‑000101 stays on one line). */
export const caseNo = (number) => String(number || '').replaceAll('-', '\u2011');

export const kindName = (kind) => named('case_kind', kind);
export const statusName = (status) => named('case_status', status);
export const outcomeName = (outcome) => named('case_outcome', outcome);
export const channelName = (channel) => named('case_channel', channel);
export const letterName = (kind) => named('case_letter', kind);

/** Who did it, as the viewer reads it: "您" for themselves, the bureau, the station with the clerk's name. */
function who(actor, user) {
  if (!actor) return t('case_actor_system');
  if (user && actor.id === user.id) return t('case_actor_you');
  if (actor.role === 'supervisor') return t('case_actor_bureau');
  if (actor.role === 'staff' || actor.role === 'admin') return t('case_actor_staff', { name: actor.name || '' });
  if (actor.role === 'employer') return t('case_actor_employer');
  return actor.name || t('worker');
}

/** One trail entry as a sentence, with a link to the letter's PDF when it is one. */
export function trailSentence(entry, user) {
  const w = who(entry.actor, user);
  const amount = entry.amount_fen != null ? money(entry.amount_fen) : '';
  const note = entry.note || '—';
  switch (entry.kind) {
    case 'filed': return t('tl_filed', { who: w, kind: kindName(entry.complaint_kind || 'unpaid'), amount });
    case 'joined': return t('tl_joined', { who: w, kind: kindName(entry.complaint_kind || 'unpaid'), amount });
    case 'assigned': return t('tl_assigned', { who: w, owner: entry.owner?.name || entry.station?.name || '—' });
    case 'note': return t('tl_note', { who: w, note });
    case 'letter': return [t('tl_letter', { who: w, letter: letterName(entry.letter?.kind) }), ' ',
      entry.letter?.pdf_url ? h('a', { href: entry.letter.pdf_url, target: '_blank', rel: 'noopener' }, t('case_open_pdf')) : null];
    case 'reply': return t('tl_reply', { who: w, note });
    case 'payment': return t('tl_payment', { who: w, amount });
    case 'state': return t('tl_state', { status: statusName(entry.status) });
    case 'closed': return t(entry.recovered_fen ? 'tl_closed_recovered' : 'tl_closed', {
      who: w, outcome: outcomeName(entry.outcome), amount: money(entry.recovered_fen) });
    case 'follow_up': return t(entry.resolved ? 'tl_follow_up_yes' : 'tl_follow_up_no', { who: w });
    case 'escalated':
      if (entry.supervision === 'taken_up') return t('tl_taken_up', { who: w });
      if (entry.supervision === 'flagged') return t('tl_flagged', { who: w });
      return entry.actor ? t('tl_escalated_by', { who: w }) : t('tl_escalated');
    case 'reopened': return t('tl_reopened', { who: w, note });
    default: return t('tl_other', { who: w, kind: String(entry.kind) });
  }
}

/** One link of the server's trail (`{kind, actor, actor_role, at, details}`) in the shape the sentences read. */
export function readEntry(link, kase) {
  const d = link.details || {};
  const actor = link.actor ? { ...link.actor, role: link.actor_role } : null;
  const entry = { ...d, kind: link.kind, at: link.at, actor, note: d.text || d.note || '' };
  if (link.kind === 'filed' || link.kind === 'joined') entry.complaint_kind = d.kind;
  if (link.kind === 'assigned') entry.owner = kase?.owner && kase.owner.id === d.owner_id ? kase.owner : { name: '' };
  if (link.kind === 'letter') entry.letter = { kind: d.letter, pdf_url: (d.files || [])[0]?.url };
  if (link.kind === 'supervised') { entry.kind = 'escalated'; entry.supervision = d.supervision === 'flag' ? 'flagged' : d.supervision === 'take_up' ? 'taken_up' : d.supervision; }
  if (link.kind === 'escalated') entry.actor = actor && actor.role !== 'platform' ? actor : null;
  if (link.kind === 'state') {
    entry.status = d.to;
    if (d.to === 'closed') Object.assign(entry, { kind: 'closed', outcome: d.outcome, recovered_fen: d.recovered_fen });
    else if (d.from === 'closed' || d.from === 'follow_up' || d.from === 'archived') entry.kind = 'reopened';
  }
  return entry;
}

/** The case's trail, oldest first, as a list of moments (links in the server's shape are read first). */
export function timeline(trail, user, kase) {
  const entries = (trail || []).map((link) => ('details' in link ? readEntry(link, kase) : link));
  return h('ol', { class: 'timeline' }, ...entries.map((entry) => h('li', {},
    h('time', { datetime: entry.at }, when(entry.at)),
    h('p', {}, trailSentence(entry, user)),
    entry.note && ['filed', 'joined', 'closed', 'follow_up'].includes(entry.kind) ? h('p', { class: 'hint' }, entry.note) : null)));
}

/** Overdue first, then escalated (flagged before taken up before plain), then the nearest deadline, then oldest. */
export function queueOrder(a, b) {
  const rank = (c) => (c.overdue ? 0 : 4) + (c.supervision === 'flagged' ? 0 : c.supervision === 'taken_up' ? 1 : c.escalated ? 2 : 3);
  const due = (c) => (c.due_at ? Date.parse(c.due_at) : Infinity);
  return rank(a) - rank(b) || due(a) - due(b) || Date.parse(a.opened_at) - Date.parse(b.opened_at);
}

/** The badges a case card and page show: state, overdue, escalation, outcome. */
export function caseBadges(c) {
  return h('span', { class: 'badges' },
    h('span', { class: `badge case-${c.status}` }, statusName(c.status)),
    c.overdue ? h('span', { class: 'badge overdue' }, t('case_overdue')) : null,
    c.supervision === 'flagged' ? h('span', { class: 'badge escalated' }, t('case_flagged')) : null,
    c.supervision === 'taken_up' ? h('span', { class: 'badge escalated' }, t('case_taken_up')) : null,
    c.escalated && !c.supervision ? h('span', { class: 'badge escalated' }, t('case_escalated')) : null,
    c.outcome ? h('span', { class: 'badge' }, outcomeName(c.outcome)) : null);
}
