// Staff: objections to ratings waiting for a decision (#/s/objections). Each card says what was rated (the job,
// when, who rated whom, the stars, tags and words) and the objection; staff uphold it (the rating stops counting)
// or reject it, always with a reason, asked first and told after. Names only: no phones, no identity numbers.
import { api } from './api.js';
import { t, when } from './i18n.js';
import { empty, failed, field, h, loading, show } from './ui.js';
import { confirmed } from './confirm.js';
import { objectionTabs } from './noshow.js';
import { tagWord } from './rating.js';

const starsText = (n) => '★'.repeat(n) + '☆'.repeat(5 - n);

/** Who rated whom on the order, in words. */
function whoRated(item) {
  return item.rater_side === 'employer'
    ? t('ro_employer_rated', { employer: item.employer_name, worker: item.worker_name })
    : t('ro_worker_rated', { employer: item.employer_name, worker: item.worker_name });
}

/** The reason box and the two decisions; a blank reason is refused here before anything is asked. */
function decision(item, reload) {
  const reason = field(t('ro_reason'), 'note', { tag: 'textarea', maxlength: 200, rows: 2, required: true });
  const input = reason.querySelector('textarea');
  const decide = (upheld) => {
    const button = h('button', { type: 'button', class: upheld ? 'primary' : '' }, t(upheld ? 'ro_uphold' : 'ro_reject'));
    const ask = confirmed(button, {
      question: t(upheld ? 'ro_uphold_q' : 'ro_reject_q'), ok: t(upheld ? 'ro_uphold' : 'ro_reject'),
      done: t(upheld ? 'ro_upheld_done' : 'ro_rejected_done'),
    }, async () => {
      await api(`/api/rating-objections/${item.id}/decision`, { method: 'POST', body: { upheld, note: input.value.trim() } });
      await reload();
    });
    button.addEventListener('click', () => {
      const err = reason.querySelector('.err');
      err.textContent = input.value.trim() ? '' : t('ro_reason_needed');
      if (!input.value.trim()) { input.focus(); return; }
      ask();
    });
    return button;
  };
  return h('div', { class: 'decision' }, reason, h('div', { class: 'actions' }, decide(true), decide(false)));
}

function card(item, reload) {
  return h('li', { class: 'card' },
    h('h2', {}, item.job_title),
    h('p', { class: 'meta' }, h('span', {}, when(item.starts_at)), h('span', {}, whoRated(item))),
    h('p', {}, h('span', { class: 'starline', 'aria-label': t('rep_star_n', { n: item.stars }) }, starsText(item.stars)),
      ' ', (item.tags || []).map(tagWord).join(' · ')),
    h('p', {}, t('ro_words', { note: item.note || t('ro_no_words') })),
    h('div', { class: 'notice' }, h('p', {}, t('ro_objection', { reason: item.reason })),
      h('p', { class: 'hint' }, t('ro_objected_at', { t: when(item.objected_at) }))),
    decision(item, reload));
}

/** The screen: objections to ratings oldest first, decided one by one. */
export async function ratingObjections() {
  const list = h('ul', { class: 'cards' }, loading());
  show(t('ro_title'), h('h1', {}, t('ro_title')), objectionTabs('#/s/objections'), h('p', { class: 'hint' }, t('ro_hint')), list);
  const load = async () => {
    try {
      const page = await api('/api/rating-objections?limit=100');
      list.replaceChildren(...(page.items.length ? page.items.map((item) => card(item, load)) : [empty(t('ro_empty'))]));
    } catch (err) {
      list.replaceChildren(failed(err, load));
    }
  };
  await load();
}
