// Employer credit grades (A/B/C/D): the employer's own grade page with its reasons and the deals and cases behind
// them (#/grade), the bureau's view of one employer with the review form (#/sv/grade/{id}), the D list
// (#/sv/barred), and the 信用预警 mark on postings of employers graded C or D.
import { api, storedUser } from './api.js';
import { t, when } from './i18n.js';
import { badge, empty, failed, field, form, h, loading, show, toast } from './ui.js';

/** The 信用预警 mark for a posting whose employer is graded C or D (nothing otherwise). */
export function creditMark(employer) {
  return employer && employer.credit_warning ? badge(t('cr_mark'), 'credit-warning') : null;
}

function gradeBadge(grade) {
  return badge(t('cr_letter', { g: grade }), `grade grade-${grade}`);
}

function reasonItem(reason) {
  const refs = [];
  if (reason.order_ids.length) refs.push(h('span', {}, t('cr_orders', { ids: reason.order_ids.join('、') })));
  for (const id of reason.case_ids) refs.push(h('a', { href: `#/case/${id}` }, t('cr_case', { id })));
  return h('li', { class: reason.concern ? 'reason concern' : 'reason' },
    h('span', {}, reason.text), refs.length ? h('small', { class: 'refs' }, ...refs) : null);
}

function reasonList(reasons) {
  return reasons.length ? h('ul', { class: 'grade-reasons' }, ...reasons.map(reasonItem)) : empty(t('cr_no_reasons'));
}

function historyList(history) {
  if (!history.length) return empty(t('cr_no_history'));
  return h('ol', { class: 'grade-history' }, ...history.map((change) => h('li', {},
    h('strong', {}, `${change.from_grade} → ${change.grade}`), ' · ', when(change.at), ' · ',
    change.by_id ? t('cr_by_supervisor', { name: change.by_name || '—' }) : t('cr_by_rules'),
    change.note ? h('p', { class: 'hint' }, change.note) : null)));
}

function pendingBox(grade, { canAnswer, reload }) {
  const notice = grade.pending;
  if (!notice) return null;
  const box = h('section', { class: 'panel notice', 'aria-labelledby': 'cr-pending' },
    h('h2', { id: 'cr-pending' }, t('cr_pending', { from: notice.from_grade, to: notice.to_grade })),
    h('p', {}, t('cr_pending_due', { due: when(notice.due_at) })),
    reasonList(notice.reasons),
    notice.response ? h('p', { class: 'hint' }, t('cr_your_answer', { when: when(notice.responded_at) }), h('br'), notice.response) : null);
  if (canAnswer) {
    box.append(form({ class: 'stack' }, [
      field(t('cr_answer'), 'text', { tag: 'textarea', rows: 4, required: true, value: notice.response }, t('cr_answer_hint')),
      h('button', { type: 'submit', class: 'primary wide' }, t('cr_answer_send')),
    ], async (_el, data) => {
      await api(`/api/employers/${grade.employer_id}/grade/response`, { method: 'POST', body: { text: data.text } });
      toast(t('cr_answer_sent'));
      await reload();
    }));
  }
  return box;
}

function gradeHead(grade, own) {
  return h('section', { class: `panel grade-head grade-${grade.grade}` },
    h('div', { class: 'row' }, h('h2', {}, grade.grade_text), gradeBadge(grade.grade)),
    grade.barred ? h('p', {}, t(own ? 'cr_barred' : 'cr_barred_them', { day: grade.lift_on || '—' })) : null,
    grade.grade === 'C' ? h('p', {}, t(own ? 'cr_c_effect' : 'cr_c_effect_them')) : null,
    grade.computed_grade !== grade.grade ? h('p', { class: 'hint' }, t('cr_computed', { g: grade.computed_grade })) : null,
    grade.override ? h('p', { class: 'hint' }, t('cr_override', { g: grade.grade }), ' ', grade.override.note) : null);
}

function gradeSections(grade, options) {
  return [
    gradeHead(grade, options.canAnswer),
    pendingBox(grade, options),
    h('section', { class: 'panel', 'aria-labelledby': 'cr-why' }, h('h2', { id: 'cr-why' }, t('cr_why')),
      h('p', { class: 'hint' }, t('cr_rules_hint')), reasonList(grade.reasons)),
    h('section', { class: 'panel', 'aria-labelledby': 'cr-hist' }, h('h2', { id: 'cr-hist' }, t('cr_history')),
      historyList(grade.history)),
  ];
}

/** The employer's own grade page: the grade, why, any fall pending with the answer form, the history. */
export async function myGrade({ user }) {
  show(t('cr_title'), h('h1', {}, t('cr_title')), loading());
  const load = async () => {
    try {
      const grade = await api(`/api/employers/${user.id}/grade`);
      show(t('cr_title'), h('h1', {}, t('cr_title')), ...gradeSections(grade, { canAnswer: true, reload: load }));
    } catch (err) {
      show(t('cr_title'), h('h1', {}, t('cr_title')), failed(err, load));
    }
  };
  await load();
}

/** A link to the employer's grade for their home screen, showing the letter. */
export function gradeLink() {
  const user = storedUser();
  const link = h('a', { class: 'button', href: '#/grade' }, t('cr_link'));
  if (user) {
    api(`/api/employers/${user.id}/grade`).then((grade) => {
      link.replaceChildren(t('cr_link'), ' ', gradeBadge(grade.grade));
    }).catch(() => {});
  }
  return link;
}

function reviewForm(grade, reload) {
  const options = [['', t('cr_review_rules')], ...['A', 'B', 'C', 'D'].map((g) => [g, t('cr_letter', { g })])];
  return h('section', { class: 'panel', 'aria-labelledby': 'cr-review' },
    h('h2', { id: 'cr-review' }, t('cr_review')),
    form({ class: 'stack' }, [
      field(t('cr_review_grade'), 'grade', { tag: 'select', options, value: grade.override ? grade.grade : '' }),
      field(t('cr_review_reason'), 'reason', { tag: 'textarea', rows: 3, required: true }, t('cr_review_reason_hint')),
      field(t('cr_review_lift_on'), 'lift_on', { type: 'date' }, t('cr_review_lift_on_hint')),
      h('button', { type: 'submit', class: 'primary wide' }, t('cr_review_send')),
    ], async (_el, data) => {
      const body = { grade: data.grade || null, reason: data.reason };
      if (data.lift_on) body.lift_on = data.lift_on;
      await api(`/api/employers/${grade.employer_id}/grade/review`, { method: 'POST', body });
      toast(t('cr_review_done'));
      await reload();
    }));
}

/** The bureau's (and staff's) view of one employer's grade; the supervisor also gets the review form. */
export async function employerGrade({ params, user }) {
  const id = params[0];
  const title = t('cr_of_employer');
  show(title, h('h1', {}, title), loading());
  const load = async () => {
    try {
      const grade = await api(`/api/employers/${id}/grade`);
      show(title, h('h1', {}, `${title} · ${grade.name || id}`),
        user.role === 'supervisor' ? h('p', {}, h('a', { href: '#/sv/barred' }, t('cr_barred_title'))) : null,
        ...gradeSections(grade, { canAnswer: false, reload: load }),
        user.role === 'supervisor' ? reviewForm(grade, load) : null);
    } catch (err) {
      show(title, h('h1', {}, title), failed(err, load));
    }
  };
  await load();
}

function barredCard(item) {
  return h('li', { class: 'card grade-D' },
    h('a', { class: 'cardlink', href: `#/sv/grade/${item.employer_id}` },
      h('div', { class: 'row' }, h('h2', {}, item.name || `#${item.employer_id}`), gradeBadge('D')),
      h('p', { class: 'meta' },
        h('span', {}, t('cr_since', { day: when(item.since) })),
        h('span', {}, t('cr_lift_on', { day: item.lift_on || '—' })),
        h('span', {}, t('cr_held_jobs', { n: item.held_jobs }))),
      item.note ? h('p', {}, item.note) : null,
      ...item.reasons.filter((r) => r.concern).map((r) => h('p', { class: 'hint' }, r.text))));
}

/** The D list (失信名单) for the bureau and admins, and a way to open any employer's grade by number. */
export async function barredList() {
  const list = h('ul', { class: 'cards' }, loading());
  const lookup = form({ class: 'search' }, [
    field(t('cr_lookup'), 'employer_id', { type: 'number', min: 1, inputmode: 'numeric', required: true }),
    h('button', { type: 'submit' }, t('cr_lookup_go')),
  ], async (_el, data) => { location.hash = `#/sv/grade/${Number(data.employer_id)}`; });
  show(t('cr_barred_title'), h('h1', {}, t('cr_barred_title')), h('p', { class: 'hint' }, t('cr_barred_hint')), lookup, list);
  const load = async () => {
    try {
      const page = await api('/api/credit/barred?limit=100');
      list.replaceChildren(...(page.items.length ? page.items.map(barredCard) : [empty(t('cr_barred_empty'))]));
    } catch (err) {
      list.replaceChildren(failed(err, load));
    }
  };
  await load();
}
