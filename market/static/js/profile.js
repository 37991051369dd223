// The worker's profile: trades (with suggestions as they type), years, certificates, home position, travel radius.
import { api, qs } from './api.js';
import { signOut } from './app.js';
import { t } from './i18n.js';
import { placePicker } from './places.js';
import { field, form, h, loading, show, failed, toast } from './ui.js';
import { tradeInput } from './trades.js';
import { myReputation } from './rating.js';
import { mySuggestions } from './courses.js';

function skillRow(skill, list) {
  const row = h('li', { class: 'skill', dataset: { field: 'skills' } },
    h('span', { class: 'skillname' }, skill.name),
    h('label', {}, t('years'), ' ', h('input', { type: 'number', min: 0, max: 60, inputmode: 'numeric', value: skill.years || 0, class: 'years', 'aria-label': `${skill.name} ${t('years')}` })),
    h('label', { class: 'check' }, h('input', { type: 'checkbox', class: 'cert', checked: !!skill.certified }), t('certified')),
    h('button', { type: 'button', class: 'link', 'aria-label': `${t('remove')} ${skill.name}`, onclick: () => { row.remove(); list.dispatchEvent(new Event('change')); } }, t('remove')));
  row.dataset.name = skill.name;
  return row;
}

export function skillsEditor(skills) {
  const list = h('ul', { class: 'skills' });
  const none = h('p', { class: 'hint' }, t('no_trades'));
  const sync = () => { none.hidden = list.children.length > 0; };
  list.addEventListener('change', sync);
  const add = (name) => {
    const clean = name.trim();
    if (!clean || [...list.children].some((li) => li.dataset.name === clean)) return;
    list.append(skillRow({ name: clean, years: 1, certified: false }, list));
    sync();
  };
  skills.forEach((s) => list.append(skillRow(s, list)));
  sync();
  const picker = tradeInput(t('trade_name'), add);
  const el = h('fieldset', { class: 'group', dataset: { field: 'skills' } }, h('legend', {}, t('trades')), list, none, picker, h('p', { class: 'err', role: 'alert' }));
  el.value = () => {
    const rows = [...list.children].map((li) => ({
      name: li.dataset.name,
      years: Number(li.querySelector('.years').value) || 0,
      certified: li.querySelector('.cert').checked,
    }));
    // A trade typed but not yet added still counts: people press save without pressing "add" first.
    const typed = picker.querySelector('input').value.trim();
    return typed && !rows.some((row) => row.name === typed) ? [...rows, { name: typed, years: 1, certified: false }] : rows;
  };
  return el;
}

/** Home position: the place picker (market/static/js/places.js), under the name the other screens import. */
export const positionPicker = placePicker;

export async function profile({ user }) {
  show(t('profile_title'), loading());
  let me;
  try {
    me = await api('/api/workers/me');
  } catch (err) {
    show(t('profile_title'), failed(err, () => profile({ user })));
    return;
  }
  const skills = skillsEditor(me.skills);
  const home = positionPicker(me.location);
  show(t('profile_title'),
    h('h1', {}, t('profile_title')),
    h('p', {}, t('profile_intro')),
    form({ class: 'profile' }, [
      skills,
      home,
      field(t('radius'), 'max_distance_km', { type: 'number', min: 1, max: 50, inputmode: 'numeric', value: me.max_distance_km }),
      field(t('wage'), 'expected_daily_wage_fen', { type: 'number', min: 0, step: '0.01', inputmode: 'decimal', value: me.expected_daily_wage_fen != null ? (me.expected_daily_wage_fen / 100).toFixed(2) : '' }),
      field(t('real_name'), 'real_name', { value: me.real_name || '', autocomplete: 'name', maxlength: 60 }),
      field(t('id_number'), 'id_number', { value: me.id_number || '', maxlength: 18, autocomplete: 'off' }, t('id_number_hint')),
      h('button', { type: 'submit', class: 'primary' }, t('save')),
    ], async (_, data) => {
      const body = { skills: skills.value(), max_distance_km: Number(data.max_distance_km) || 1 };
      const loc = home.value();
      if (loc) body.location = loc;
      if (data.real_name.trim()) body.real_name = data.real_name.trim();
      if (data.id_number.trim()) body.id_number = data.id_number.trim().toUpperCase();
      body.expected_daily_wage_fen = data.expected_daily_wage_fen === '' ? null : Math.round(Number(data.expected_daily_wage_fen) * 100);
      await api('/api/workers/me', { method: 'PUT', body }).catch((err) => { home.failed(err); throw err; });
      toast(t('saved'));
      location.hash = '#/radar';
    }),
    myReputation(user.id),
    mySuggestions(),  // issue 14: training suggestions and their opt-out (js/courses.js)
    h('p', {}, h('a', { class: 'button', href: '#/alerts' }, t('al_link'))),  // issue 13 (js/alerts.js)
    h('p', {}, h('button', { type: 'button', class: 'link', onclick: signOut }, `${t('logout')} (${user.name})`)));
}
