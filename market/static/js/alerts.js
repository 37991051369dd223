// The worker's invitations and job alert settings (issue 13): jobs employers invited them to (accepted through
// the job screen as any job), and whether, how (SMS and/or in-app), when not (quiet hours) and how often (a daily
// cap) new jobs near them are announced.
import { api } from './api.js';
import { payText, t, when } from './i18n.js';
import { badge, empty, failed, field, form, h, loading, show, toast } from './ui.js';

function invitationCard(item) {
  const state = item.accepted ? badge(t('al_accepted'), 'accepted') : item.job_open ? badge(t('al_open'), 'open') : badge(t('al_closed'), 'cancelled');
  return h('li', { class: 'card', dataset: { job: item.job_id } },
    h('a', { class: 'cardlink', href: `#/job/${item.job_id}` },
      h('div', { class: 'row' }, h('h3', {}, item.title), state),
      h('p', { class: 'meta' }, h('span', {}, t('al_from', { n: item.employer_name || t('al_an_employer') })),
        h('span', {}, when(item.starts_at)), h('span', {}, payText({ amount_fen: item.pay_amount_fen, unit: item.pay_unit }))),
      h('p', { class: 'meta' }, h('span', {}, item.address))));
}

function check(name, label, checked) {
  return h('label', { class: 'check big' }, h('input', { type: 'checkbox', name, checked }), label);
}

function settingsForm(me) {
  const quiet = me.quiet_hours || { from: '', to: '' };
  return form({ class: 'alerts' }, [
    h('fieldset', { class: 'group', dataset: { field: 'enabled' } }, h('legend', {}, t('al_alerts')),
      check('enabled', t('al_enabled'), me.enabled), h('p', { class: 'err', role: 'alert' })),
    h('fieldset', { class: 'group', dataset: { field: 'channels' } }, h('legend', {}, t('al_channels')),
      check('sms', t('al_sms'), me.channels.includes('sms')), check('app', t('al_app'), me.channels.includes('app')),
      h('p', { class: 'err', role: 'alert' })),
    h('fieldset', { class: 'group', dataset: { field: 'quiet_hours' } }, h('legend', {}, t('al_quiet')),
      h('p', { class: 'hint' }, t('al_quiet_hint')),
      field(t('al_quiet_from'), 'quiet_hours.from', { type: 'time', value: quiet.from }),
      field(t('al_quiet_to'), 'quiet_hours.to', { type: 'time', value: quiet.to }),
      h('p', { class: 'err', role: 'alert' })),
    field(t('al_daily_cap'), 'daily_cap', { type: 'number', min: 1, max: 50, inputmode: 'numeric', value: me.daily_cap },
      t('al_sent_today', { n: me.sent_today })),
    h('button', { type: 'submit', class: 'primary' }, t('save')),
  ], async (el, data) => {
    const channels = ['sms', 'app'].filter((name) => el.querySelector(`[name=${name}]`).checked);
    const from = data['quiet_hours.from'];
    const to = data['quiet_hours.to'];
    const body = { enabled: el.querySelector('[name=enabled]').checked, channels, daily_cap: Number(data.daily_cap) || 0,
      quiet_hours: from || to ? { from, to } : null };
    await api('/api/workers/me/alerts', { method: 'PUT', body });
    toast(t('saved'));
  });
}

export async function alertSettings() {
  show(t('al_title'), loading());
  let me;
  let invitations;
  try {
    [me, invitations] = await Promise.all([api('/api/workers/me/alerts'), api('/api/workers/me/invitations?limit=50')]);
  } catch (err) {
    show(t('al_title'), failed(err, alertSettings));
    return;
  }
  show(t('al_title'),
    h('p', {}, h('a', { href: '#/profile', class: 'back' }, `← ${t('back')}`)),
    h('h1', {}, t('al_title')),
    h('section', {}, h('h2', {}, t('al_invitations')),
      h('ul', { class: 'cards invitations' }, ...(invitations.items.length ? invitations.items.map(invitationCard) : [empty(t('al_no_invitations'))]))),
    h('section', {}, h('h2', {}, t('al_settings')), h('p', { class: 'hint' }, t('al_settings_intro')), settingsForm(me)));
}
