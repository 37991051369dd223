// Ratings after a completed order (both sides): stars as big buttons, tags as toggle chips, a note; the rating
// about me and an objection to it; and reputation lines (a candidate's record, the worker's own profile).
import { api, screenSignal, stillShown } from './api.js';
import { t, when } from './i18n.js';
import { field, form, h, toast } from './ui.js';

// The tags are stored as the server words them (docs/reputation.md); each has its words in both languages here.
const TAG_KEYS = {
  准时: 'rep_tag_on_time', 手艺好: 'rep_tag_skilled', 肯干: 'rep_tag_hard_working', 细心: 'rep_tag_careful',
  守规矩: 'rep_tag_follows_rules', 工钱爽快: 'rep_tag_pays_promptly', 活儿说得清: 'rep_tag_clear_brief',
  按时结算: 'rep_tag_settles_on_time', 安全有保障: 'rep_tag_safe', 态度和气: 'rep_tag_friendly',
};

/** A tag in the reader's language. */
export function tagWord(tag) { return TAG_KEYS[tag] ? t(TAG_KEYS[tag]) : tag; }

const DONE = new Set(['completed', 'paid', 'confirmed']);

function starsText(n) { return '★'.repeat(n) + '☆'.repeat(5 - n); }

/** Five star buttons (each ≥44 px), one chosen at a time; `value()` gives the stars chosen (0: none). */
function starPicker(initial) {
  let chosen = initial || 0;
  const buttons = [1, 2, 3, 4, 5].map((n) => h('button', {
    type: 'button', class: 'star', 'aria-label': t('rep_star_n', { n }), 'aria-pressed': 'false',
    onclick: () => { chosen = n; draw(); },
  }, '★'));
  function draw() {
    buttons.forEach((b, i) => { b.setAttribute('aria-pressed', String(i + 1 === chosen)); b.classList.toggle('on', i < chosen); });
  }
  draw();
  const el = h('div', { class: 'stars', role: 'group', 'aria-label': t('rep_stars'), dataset: { field: 'stars' } }, ...buttons,
    h('p', { class: 'err', role: 'alert' }));
  el.value = () => chosen;
  return el;
}

/** Tags as chips that toggle on and off; `value()` gives the chosen ones. */
function tagChips(tags, initial) {
  const chosen = new Set(initial || []);
  const el = h('div', { class: 'tagchips', role: 'group', 'aria-label': t('rep_tags'), dataset: { field: 'tags' } },
    ...tags.map((tag) => {
      const chip = h('button', { type: 'button', class: 'chip', 'aria-pressed': String(chosen.has(tag)) }, tagWord(tag));
      chip.addEventListener('click', () => {
        if (chosen.has(tag)) chosen.delete(tag); else chosen.add(tag);
        chip.setAttribute('aria-pressed', String(chosen.has(tag)));
      });
      return chip;
    }), h('p', { class: 'err', role: 'alert' }));
  el.value = () => tags.filter((tag) => chosen.has(tag));
  return el;
}

function objectionPart(order, about, reload) {
  if (about.objection) {
    const o = about.objection;
    const state = o.decided_at ? (o.upheld ? t('rep_objection_upheld') : t('rep_objection_dismissed')) : t('rep_objection_pending');
    return h('p', { class: 'hint' }, state);
  }
  const open = h('button', { type: 'button', class: 'link' }, t('rep_object'));
  const box = h('div');
  open.addEventListener('click', () => {
    open.hidden = true;
    box.append(form({ class: 'objection' }, [
      field(t('rep_object_prompt'), 'reason', { tag: 'textarea', rows: 2, maxlength: 200, required: true }),
      h('button', { type: 'submit', class: 'primary' }, t('rep_object_send')),
    ], async (_, data) => {
      await api(`/api/orders/${order.id}/rating/objection`, { method: 'POST', body: { reason: data.reason.trim() } });
      toast(t('rep_object_sent'));
      reload();
    }));
  });
  return h('div', {}, open, box);
}

function draw(slot, order, state, reload) {
  const parts = [];
  const other = state.side === 'worker' ? t('rep_the_employer') : t('rep_the_worker');
  if (state.can_rate) {
    const stars = starPicker(state.mine?.stars);
    const chips = tagChips(state.tags, state.mine?.tags);
    parts.push(form({ class: 'rating' }, [
      h('h3', {}, state.mine ? t('rep_change_title', { who: other }) : t('rep_rate_title', { who: other })),
      stars, chips,
      field(t('rep_note'), 'note', { tag: 'textarea', rows: 2, maxlength: 200, value: state.mine?.note || '' }),
      state.mine ? h('p', { class: 'hint' }, t('rep_changeable_until', { t: when(state.mine.changeable_until) }))
        : h('p', { class: 'hint' }, t('rep_rate_until', { t: when(state.rate_until) })),
      h('button', { type: 'submit', class: 'primary' }, state.mine ? t('rep_change') : t('rep_send')),
    ], async () => {
      if (!stars.value()) throw { detail: t('rep_pick_stars'), fields: [{ field: 'stars', message: t('rep_pick_stars') }] };
      await api(`/api/orders/${order.id}/rating`, { method: 'POST', body: { stars: stars.value(), tags: chips.value(), note: slot.querySelector('textarea[name=note]').value.trim() } });
      toast(t('rep_sent'));
      reload();
    }));
  } else if (state.mine) {
    parts.push(h('p', { class: 'meta' }, h('span', {}, t('rep_mine')), h('span', { class: 'starline', 'aria-label': t('rep_star_n', { n: state.mine.stars }) }, starsText(state.mine.stars)),
      ...state.mine.tags.map((tag) => h('span', { class: 'reason' }, tagWord(tag)))));
  }
  const about = state.about_me;
  if (about.given) {
    parts.push(about.stars != null
      ? h('p', { class: 'meta' }, h('span', {}, t('rep_about_me', { who: other })), h('span', { class: 'starline', 'aria-label': t('rep_star_n', { n: about.stars }) }, starsText(about.stars)),
        ...(about.tags || []).map((tag) => h('span', { class: 'reason' }, tagWord(tag))))
      : h('p', { class: 'hint' }, t('rep_about_me_hidden', { who: other })));
    parts.push(objectionPart(order, about, reload));
  }
  slot.replaceChildren(...parts);
}

/** The rating part of an order card (nothing before the order is completed). */
export function ratingSlot(order) {
  if (!DONE.has(order.status)) return null;
  const slot = h('div', { class: 'rateslot' });
  const load = async () => {
    try { draw(slot, order, await api(`/api/orders/${order.id}/rating`), load); } catch { slot.replaceChildren(); }
  };
  slot.ready = load();
  return slot;
}

/** Wait (at most `ms`) until the rating slots of the first `count` cards have drawn, so a list shown after this
 * does not grow under the reader's eyes (a layout shift) as each card's rating form arrives. */
export async function ratingsDrawn(cards, { count = 6, ms = 1200 } = {}) {
  const screen = screenSignal();
  const waits = cards.slice(0, count).map((card) => card.querySelector?.('.rateslot')?.ready).filter(Boolean);
  if (waits.length) await Promise.race([Promise.allSettled(waits), new Promise((done) => { setTimeout(done, ms); })]);
  await stillShown(screen);  // the user moved on while the forms loaded: draw nothing
}

/** A candidate's record in words from the server ("近90天完成12单，1次爽约") and how far it moved them. */
export function recordLine(record) {
  if (!record) return null;
  return h('p', { class: 'record' }, h('span', {}, record.words),
    record.moved_words ? h('span', { class: record.moved_points < 0 ? 'down' : 'up' }, record.moved_words) : null);
}

/** The worker's own reputation (profile screen): the window's counts, stars and tags, or that they are new. */
export function myReputation(workerId) {
  const box = h('section', { class: 'card reputation', 'aria-label': t('rep_my_title') }, h('h2', {}, t('rep_my_title')));
  api(`/api/workers/${workerId}/reputation`).then((r) => {
    const c = r.counts;
    box.append(...[h('p', {}, t('rep_my_counts', { d: r.window_days, c: c.completed, n: c.no_shows, l: c.late_cancels })),
      h('p', {}, r.average_stars != null ? t('rep_my_stars', { s: r.average_stars.toFixed(1), n: c.ratings })
        : t('rep_my_few', { n: c.ratings, m: r.min_ratings })),
      r.top_tags && r.top_tags.length ? h('p', { class: 'meta' }, ...r.top_tags.map((tag) => h('span', { class: 'reason' }, tagWord(tag)))) : null,
      r.new ? h('p', { class: 'hint' }, t('rep_my_new')) : h('p', { class: 'hint' }, t('rep_my_reliability', { p: Math.round(r.reliability * 100) }))].filter(Boolean));
  }).catch(() => box.remove());
  return box;
}
