// Signing in (password or SMS code), signing up (by code, password optional) and resetting a forgotten password by
// code; logging out is the header's button (app.js). `next` (a route such as /job/12) survives every step, so a
// shared job is where the person lands once they have an account.
import { api } from './api.js';
import { signedIn } from './app.js';
import { t } from './i18n.js';
import { field, form, h, show, toast } from './ui.js';

const PHONE = { type: 'tel', inputmode: 'numeric', autocomplete: 'username', required: true, maxlength: 20 };
const CODE = { inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: 6, pattern: '[0-9]*', required: true };

/** The route to go to afterwards, from `?next=`; only an in-app route (never another site). */
function nextOf(query) {
  const next = query.get('next') || '';
  return /^\/[\w/-]*$/.test(next) ? next : '';
}

function withNext(route, next) {
  return next ? `${route}?next=${encodeURIComponent(next)}` : route;
}

/** While `work` runs, the button is disabled and says what is happening (a slow network gets an answer at once). */
async function busy(button, text, work) {
  const before = button.textContent;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  button.textContent = text;
  try { return await work(); } finally {
    button.textContent = before;
    button.removeAttribute('aria-busy');
    button.disabled = false;
  }
}

/** The code field with its 获取验证码 button: asks for a `purpose` code for the phone in `formEl`, then counts 60 s. */
function codeField(purpose, formOf) {
  const wrap = field(t('sms_code'), 'code', CODE, t('sms_code_hint'));
  const input = wrap.querySelector('input');
  const status = h('p', { class: 'hint sent', role: 'status', 'aria-live': 'polite' });
  const send = h('button', { type: 'button', class: 'send' }, t('get_code'));
  let timer = null;
  const countdown = (seconds) => {
    let left = seconds;
    clearInterval(timer);
    send.disabled = true;
    send.textContent = t('resend_in', { n: left });
    timer = setInterval(() => {
      left -= 1;
      if (left <= 0 || !send.isConnected) {
        clearInterval(timer);
        send.disabled = false;
        send.textContent = t('get_code');
      } else {
        send.textContent = t('resend_in', { n: left });
      }
    }, 1000);
  };
  send.addEventListener('click', async () => {
    const formEl = formOf();
    const phone = formEl.querySelector('[name=phone]');
    const err = formEl.querySelector('[data-field=phone] .err');
    err.textContent = '';
    if (!phone.value.trim()) { err.textContent = t('phone_first'); phone.focus(); return; }
    try {
      const sent = await busy(send, t('sending_code'), () => api('/api/auth/sms-code', {
        method: 'POST', body: { phone: phone.value.trim(), purpose } }));
      status.textContent = t('account_code_sent', { phone: sent.sent_to });
      countdown(sent.resend_after_s);
      input.focus();
    } catch (e) {
      const fieldErr = (e.fields || []).find((f) => f.field === 'phone');
      if (fieldErr) err.textContent = fieldErr.message; else status.textContent = e.detail;
    }
  });
  const row = h('div', { class: 'inline' });
  input.replaceWith(row);
  row.append(input, send);
  wrap.append(status);
  return wrap;
}

function links(...items) {
  return h('p', { class: 'switch' }, ...items);
}

function footer() {
  return h('div', { class: 'aside' },
    h('p', {}, t('station_help')),
    h('p', { class: 'links' }, h('a', { href: '#/stations' }, t('stations_link')), h('a', { href: '#/verify' }, t('verify_link'))));
}

/** The submit button of `formEl`, saying `text` while its request is on the way. */
function submitting(formEl, text, work) {
  return busy(formEl.querySelector('button[type=submit]'), text, work);
}

export function login({ query }) {
  const next = nextOf(query);
  const goTo = next ? `#${next}` : null;
  const byPassword = () => form({}, [
    field(t('phone'), 'phone', PHONE),
    field(t('password'), 'password', { type: 'password', autocomplete: 'current-password', required: true }),
    h('button', { type: 'submit', class: 'primary' }, t('login')),
  ], async (el, data) => {
    const result = await submitting(el, t('logging_in'), () => api('/api/auth/login', {
      method: 'POST', body: { phone: data.phone.trim(), password: data.password, first_page: !goTo } }));
    signedIn(result.user, goTo, result.first_page);
  });
  const byCode = () => {
    const el = form({}, [
      field(t('phone'), 'phone', PHONE),
      codeField('login', () => el),
      h('button', { type: 'submit', class: 'primary' }, t('login')),
    ], async (formEl, data) => {
      const result = await submitting(formEl, t('logging_in'), () => api('/api/auth/login', {
        method: 'POST', body: { phone: data.phone.trim(), code: data.code.trim(), first_page: !goTo } }));
      signedIn(result.user, goTo, result.first_page);
    });
    return el;
  };
  // One form in the page at a time (the other tab's is built when chosen), keeping the phone typed so far.
  const panel = h('div', { role: 'tabpanel', id: 'login-panel' });
  const tabs = [[t('login_by_password'), byPassword], [t('login_by_code'), byCode]];
  const choose = (i, focus) => {
    const phone = panel.querySelector('[name=phone]')?.value || '';
    const el = tabs[i][1]();
    el.querySelector('[name=phone]').value = phone;
    panel.replaceChildren(el);
    panel.setAttribute('aria-labelledby', `tab${i}`);
    buttons.forEach((b, j) => b.setAttribute('aria-selected', j === i ? 'true' : 'false'));
    if (focus) el.querySelector(phone ? 'input:not([name=phone])' : '[name=phone]').focus();
  };
  const buttons = tabs.map(([label], i) => h('button', {
    type: 'button', role: 'tab', id: `tab${i}`, 'aria-controls': 'login-panel', onclick: () => choose(i, true),
  }, label));
  choose(0, false);
  show(t('login'),
    h('div', { class: 'account' },
      h('h1', {}, t('login_title')),
      h('div', { class: 'tabs', role: 'tablist' }, ...buttons),
      panel,
      links(h('a', { href: withNext('#/reset', next) }, t('forgot_password')),
        h('span', {}, t('no_account'), ' ', h('a', { href: withNext('#/register', next) }, t('register')))),
      footer()));
}

export function register({ query }) {
  const next = nextOf(query);
  let el;
  el = form({ 'aria-label': t('register') }, [
    h('fieldset', { class: 'choice', dataset: { field: 'role' } },
      h('legend', {}, t('i_am')),
      h('label', {}, h('input', { type: 'radio', name: 'role', value: 'worker', checked: true }), t('role_worker')),
      h('label', {}, h('input', { type: 'radio', name: 'role', value: 'employer' }), t('role_employer')),
      h('p', { class: 'err' })),
    field(t('name'), 'name', { autocomplete: 'name', required: true, maxlength: 60 }),
    field(t('phone'), 'phone', PHONE),
    codeField('register', () => el),
    field(t('password_optional'), 'password', { type: 'password', autocomplete: 'new-password' }, t('password_optional_hint')),
    h('button', { type: 'submit', class: 'primary' }, t('register')),
  ], async (formEl, data) => {
    const body = { phone: data.phone.trim(), name: data.name.trim(), role: data.role };
    if (data.code.trim()) body.code = data.code.trim();
    if (data.password) body.password = data.password;
    const user = await submitting(formEl, t('registering'), async () => {
      const made = await api('/api/auth/register', { method: 'POST', body });
      if (made.token) return made;  // signed up by code: already signed in
      return (await api('/api/auth/login', { method: 'POST', body: { phone: body.phone, password: body.password } })).user;
    });
    signedIn(user, next ? `#${next}` : (body.role === 'worker' ? '#/profile' : null));
  });
  show(t('register'),
    h('div', { class: 'account' },
      h('h1', {}, t('register_title')), el,
      links(h('span', {}, t('have_account'), ' ', h('a', { href: withNext('#/login', next) }, t('login')))),
      footer()));
}

export function reset({ query }) {
  const next = nextOf(query);
  let el;
  el = form({ 'aria-label': t('reset_title') }, [
    field(t('phone'), 'phone', PHONE),
    codeField('reset', () => el),
    field(t('new_password'), 'password', { type: 'password', autocomplete: 'new-password', required: true }, t('password_hint')),
    h('button', { type: 'submit', class: 'primary' }, t('reset_submit')),
  ], async (formEl, data) => {
    const result = await submitting(formEl, t('saving_password'), () => api('/api/auth/reset-password', {
      method: 'POST', body: { phone: data.phone.trim(), code: data.code.trim(), password: data.password } }));
    toast(t('password_reset'));
    signedIn(result.user, next ? `#${next}` : null);
  });
  show(t('reset_title'),
    h('div', { class: 'account' },
      h('h1', {}, t('reset_title')), h('p', {}, t('reset_intro')), el,
      links(h('a', { href: withNext('#/login', next) }, `← ${t('login')}`))));
}
