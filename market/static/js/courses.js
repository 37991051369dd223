// Training courses and suggestions (issue 14, docs/courses.md): the worker's suggestion card (on the profile and
// the course list) with the number behind it and the opt-out; the course list (nearest first for a worker); and,
// for station staff and admins, listing and editing courses with a simple form.
import { api, qs } from './api.js';
import { currentLang, money, t } from './i18n.js';
import { placePicker } from './places.js';
import { badge, empty, failed, field, form, h, loading, show, toast } from './ui.js';

const tradeName = (zh, en) => (currentLang() === 'en' ? en : zh);

/** A calendar day (YYYY-MM-DD, already the market's) in words: 12月10日 / 10 Dec. */
function day(iso) {
  return new Intl.DateTimeFormat(currentLang() === 'en' ? 'en-GB' : 'zh-CN', { month: 'short', day: 'numeric', timeZone: 'UTC' })
    .format(new Date(`${iso}T00:00:00Z`));
}

function courseFacts(c) {
  return [
    h('p', { class: 'meta' }, h('span', {}, c.provider), h('span', {}, t('co_dates', { a: day(c.starts_on), b: day(c.ends_on) }))),
    h('p', { class: 'meta' }, h('span', {}, c.address), c.distance_km != null ? h('span', {}, t('km', { n: c.distance_km.toFixed(1) })) : null),
    h('p', { class: 'meta' }, h('span', {}, t('co_seats', { n: c.seats })), h('span', {}, t('co_subsidy', { m: money(c.subsidy_fen) })),
      c.station_name ? h('span', {}, c.station_name) : null),
  ];
}

function courseCard(c) {
  return h('li', { class: 'card course', dataset: { course: c.id } },
    h('div', { class: 'row' }, h('h3', {}, c.name), badge(tradeName(c.trade_zh, c.trade_en), c.cancelled ? 'cancelled' : 'open')),
    ...courseFacts(c),
    c.cancelled ? h('p', { class: 'hint' }, t('co_withdrawn')) : null,
    c.phone ? h('p', {}, h('a', { class: 'button', href: `tel:${c.phone}` }, t('co_call', { p: c.phone }))) : null,
    c.editable ? h('p', {}, h('a', { class: 'button', href: `#/course/${c.id}/edit` }, t('co_edit'))) : null);
}

/** One suggestion: the short trade, the number behind it, why this worker, and the course. */
export function suggestionCard(s) {
  const trade = tradeName(s.trade_zh, s.trade_en);
  const why = s.reason === 'certificate' ? t('co_why_certificate', { t: trade })
    : t('co_why_adjacent', { f: tradeName(s.from_trade_zh, s.from_trade_en), t: trade });
  return h('li', { class: 'card suggestion', dataset: { suggestion: s.id } },
    h('h3', {}, t('co_number', { t: trade, r: s.ratio.toFixed(1) })),
    h('p', { class: 'hint' }, t('co_figure', { d: s.district || t('co_city'), p: s.places_wanted, w: s.workers, day: day(s.week) })),
    h('p', {}, why),
    h('p', {}, h('strong', {}, s.course.name)),
    ...courseFacts(s.course));
}

function optOut(enabled, redraw) {
  const box = h('input', { type: 'checkbox', name: 'suggestions', checked: enabled });
  box.addEventListener('change', async () => {
    box.disabled = true;
    try {
      await api('/api/workers/me/suggestions', { method: 'PUT', body: { enabled: box.checked } });
      toast(t(box.checked ? 'co_on' : 'co_off'));
      redraw();
    } catch (err) {
      box.checked = !box.checked;
      toast(err.detail || t('internal_error'));
    } finally {
      box.disabled = false;
    }
  });
  return h('label', { class: 'check big' }, box, t('co_opt_in'));
}

/** The worker's suggestions as a section (the profile shows it): the cards, the opt-out, the course list link
 * (`link: false` on the course list itself). */
export function mySuggestions({ link = true } = {}) {
  const box = h('section', { class: 'card suggestions', 'aria-label': t('co_suggest_title') }, h('h2', {}, t('co_suggest_title')));
  const draw = () => api('/api/workers/me/suggestions').then((answer) => {
    box.replaceChildren(h('h2', {}, t('co_suggest_title')),
      answer.items.length ? h('ul', { class: 'cards' }, ...answer.items.map(suggestionCard))
        : h('p', { class: 'hint' }, answer.enabled ? t('co_no_suggestions') : t('co_turned_off')),
      optOut(answer.enabled, draw), link ? h('p', {}, h('a', { class: 'button', href: '#/courses' }, t('co_all'))) : null);
  }).catch(() => box.remove());
  draw();
  return box;
}

export async function courses({ user }) {
  show(t('co_title'), loading());
  const staff = ['staff', 'admin'].includes(user.role);
  let page;
  try {
    page = await api(`/api/courses${qs({ limit: 100, upcoming: staff ? 'false' : undefined })}`);
  } catch (err) {
    show(t('co_title'), failed(err, () => courses({ user })));
    return;
  }
  show(t('co_title'),
    h('h1', {}, t('co_title')),
    h('p', {}, t(staff ? 'co_intro_staff' : 'co_intro')),
    staff ? h('p', {}, h('a', { class: 'button primary', href: '#/course/new' }, t('co_new'))) : null,
    user.role === 'worker' ? mySuggestions({ link: false }) : null,
    h('section', {}, h('h2', {}, t(user.role === 'worker' ? 'co_near' : 'co_list')),
      h('ul', { class: 'cards courses' }, ...(page.items.length ? page.items.map(courseCard) : [empty(t('co_none'))]))));
}

function courseForm(c, stations, onSaved) {
  const place = placePicker(c ? { lat: c.lat, lon: c.lon, address: c.address } : null, t('co_place'));
  const yuan = c ? (c.subsidy_fen / 100).toFixed(2) : '';
  return form({ class: 'course' }, [
    field(t('co_trade'), 'trade', { value: c ? c.trade_zh : '', maxlength: 40, required: true }, t('co_trade_hint')),
    field(t('co_name'), 'name', { value: c?.name || '', maxlength: 100, required: true }),
    field(t('co_provider'), 'provider', { value: c?.provider || '', maxlength: 100, required: true }),
    field(t('co_starts'), 'starts_on', { type: 'date', value: c?.starts_on || '', required: true }),
    field(t('co_ends'), 'ends_on', { type: 'date', value: c?.ends_on || '', required: true }),
    place,
    field(t('co_seats_label'), 'seats', { type: 'number', min: 1, max: 10000, inputmode: 'numeric', value: c?.seats || '' }),
    field(t('co_subsidy_label'), 'subsidy_fen', { type: 'number', min: 0, step: '0.01', inputmode: 'decimal', value: yuan }, t('co_subsidy_hint')),
    field(t('co_phone'), 'phone', { type: 'tel', value: c?.phone || '', maxlength: 20 }),
    stations ? field(t('co_station'), 'station_id', { tag: 'select', options: [['', t('co_no_station')], ...stations.map((s) => [s.id, s.name])] }) : null,
    c ? h('label', { class: 'check big', dataset: { field: 'cancelled' } }, h('input', { type: 'checkbox', name: 'cancelled', checked: c.cancelled }), t('co_withdraw')) : null,
    h('button', { type: 'submit', class: 'primary' }, t('save')),
  ].filter(Boolean), async (el, data) => {
    const body = { trade: data.trade.trim(), name: data.name.trim(), provider: data.provider.trim(),
      starts_on: data.starts_on, ends_on: data.ends_on, seats: Number(data.seats) || 0,
      subsidy_fen: Math.round(Number(data.subsidy_fen || 0) * 100), phone: data.phone.trim() };
    const loc = place.value();
    if (loc) body.location = loc;
    if (c) body.cancelled = el.querySelector('[name=cancelled]').checked;
    else if (stations && data.station_id) body.station_id = Number(data.station_id);
    const saved = await api(c ? `/api/courses/${c.id}` : '/api/courses', { method: c ? 'PATCH' : 'POST', body })
      .catch((err) => { place.failed(err); throw err; });
    toast(t('saved'));
    onSaved(saved);
  });
}

export async function courseEdit({ params, user }) {
  const id = params[0] && params[0] !== 'new' ? Number(params[0]) : null;
  const title = t(id ? 'co_edit' : 'co_new');
  show(title, loading());
  let course = null;
  let stations = null;
  try {
    if (id) course = await api(`/api/courses/${id}`);
    if (!id && user.role === 'admin') stations = (await api('/api/stations?limit=100')).items;
  } catch (err) {
    show(title, failed(err, () => courseEdit({ params, user })));
    return;
  }
  show(title,
    h('p', {}, h('a', { href: '#/courses', class: 'back' }, `← ${t('back')}`)),
    h('h1', {}, title),
    courseForm(course, stations, () => { location.hash = '#/courses'; }));
}
