// Log in and sign up.
import { api } from './api.js';
import { signedIn } from './app.js';
import { t } from './i18n.js';
import { field, form, h, show } from './ui.js';

function footer() {
  return h('div', { class: 'aside' },
    h('p', {}, t('station_help')),
    h('p', { class: 'links' }, h('a', { href: '#/stations' }, t('stations_link')), ' · ', h('a', { href: '#/verify' }, t('verify_link'))));
}

export function login({ query }) {
  const next = query.get('next');
  show(t('login'),
    h('h1', {}, t('login_title')),
    form({ 'aria-label': t('login') }, [
      field(t('phone'), 'phone', { type: 'tel', inputmode: 'numeric', autocomplete: 'username', required: true, maxlength: 20 }),
      field(t('password'), 'password', { type: 'password', autocomplete: 'current-password', required: true }),
      h('button', { type: 'submit', class: 'primary', dataset: { busy: t('busy_login') } }, t('login')),
    ], async (_, data) => {
      const result = await api('/api/auth/login', { method: 'POST', body: { phone: data.phone.trim(), password: data.password } });
      signedIn(result.user, next ? `#${next}` : null);
    }),
    h('p', { class: 'switch' }, t('no_account'), ' ', h('a', { href: '#/register' }, t('register'))),
    footer());
}

export function register() {
  show(t('register'),
    h('h1', {}, t('register_title')),
    form({ 'aria-label': t('register') }, [
      h('fieldset', { class: 'choice', dataset: { field: 'role' } },
        h('legend', {}, t('i_am')),
        h('label', {}, h('input', { type: 'radio', name: 'role', value: 'worker', checked: true }), t('role_worker')),
        h('label', {}, h('input', { type: 'radio', name: 'role', value: 'employer' }), t('role_employer')),
        h('p', { class: 'err' })),
      field(t('name'), 'name', { autocomplete: 'name', required: true, maxlength: 60 }),
      field(t('phone'), 'phone', { type: 'tel', inputmode: 'numeric', autocomplete: 'username', required: true, maxlength: 20 }),
      field(t('password'), 'password', { type: 'password', autocomplete: 'new-password', required: true }, t('password_hint')),
      h('button', { type: 'submit', class: 'primary' }, t('register')),
    ], async (_, data) => {
      const body = { phone: data.phone.trim(), password: data.password, name: data.name.trim(), role: data.role };
      await api('/api/auth/register', { method: 'POST', body });
      const result = await api('/api/auth/login', { method: 'POST', body: { phone: body.phone, password: body.password } });
      signedIn(result.user, body.role === 'worker' ? '#/profile' : null);
    }),
    h('p', { class: 'switch' }, t('have_account'), ' ', h('a', { href: '#/login' }, t('login'))),
    footer());
}
