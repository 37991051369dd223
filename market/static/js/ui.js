// Small DOM helpers shared by every screen: element building, forms and their errors, states, toasts.
import { t } from './i18n.js';

/** h('button', {class: 'primary', onclick}, 'text', child…): an element; null/false children are skipped. */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

/** Replace the main area with `nodes`, title the page and move focus for screen readers. */
export function show(title, ...nodes) {
  const main = document.getElementById('main');
  main.replaceChildren(...nodes.flat().filter(Boolean));
  document.title = `${title} · ${t('app')}`;
  main.focus({ preventScroll: true });
  window.scrollTo(0, 0);
}

let toastTimer;
export function toast(message) {
  const el = document.getElementById('toast');
  el.textContent = message;
  el.classList.add('on');
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => el.classList.remove('on'), 3500);
}

let uid = 0;
/** A labelled input with a place for its error message; `name` is the API field it feeds. */
export function field(label, name, attrs = {}, hint) {
  const id = `f${++uid}`;
  const { tag = 'input', options = [], ...rest } = attrs;
  let input;
  if (tag === 'select') {
    const { value, ...selectAttrs } = rest;
    input = h('select', { id, name, ...selectAttrs },
      ...options.map(([v, text]) => h('option', { value: v, selected: String(v) === String(value) }, text)));
  } else if (tag === 'textarea') {
    const { value, ...areaAttrs } = rest;
    input = h('textarea', { id, name, ...areaAttrs }, value || '');
  } else {
    input = h('input', { id, name, ...rest });
  }
  const hintEl = hint ? h('small', { class: 'hint', id: `${id}h` }, hint) : null;
  if (hintEl) input.setAttribute('aria-describedby', `${id}h`);
  return h('div', { class: 'field', dataset: { field: name } },
    h('label', { for: id }, label), input, hintEl, h('p', { class: 'err', id: `${id}e`, role: 'alert' }));
}

/** A form with an error box on top; `onsubmit(form, data)` may throw an ApiError, shown in place. */
export function form(attrs, children, onsubmit) {
  const box = h('div', { class: 'formerr', role: 'alert', hidden: true });
  const el = h('form', { novalidate: true, ...attrs }, box, ...children);
  el.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(el);
    const button = el.querySelector('button[type=submit]');
    const done = button ? busy(button) : () => {};
    try {
      await onsubmit(el, Object.fromEntries(new FormData(el)));
    } catch (err) {
      showErrors(el, err);
    } finally {
      done();
    }
  });
  return el;
}

export function clearErrors(el) {
  el.querySelectorAll('.err').forEach((p) => { p.textContent = ''; });
  el.querySelectorAll('[aria-invalid]').forEach((i) => i.removeAttribute('aria-invalid'));
  const box = el.querySelector('.formerr');
  if (box) { box.hidden = true; box.textContent = ''; }
}

/** Show an error's `detail` on top and each field message next to its input (`location.lat` finds `location`). */
export function showErrors(el, err) {
  const box = el.querySelector('.formerr');
  const leftovers = [];
  for (const f of err.fields || []) {
    const parts = String(f.field || '').split(/[.[]/);
    let holder = null;
    for (let i = parts.length; i > 0 && !holder; i -= 1) {
      holder = el.querySelector(`[data-field="${CSS.escape(parts.slice(0, i).join('.'))}"]`);
    }
    if (holder) {
      holder.querySelector('.err').textContent = f.message;
      holder.querySelector('input,select,textarea')?.setAttribute('aria-invalid', 'true');
    } else {
      leftovers.push(f.message);
    }
  }
  if (box) {
    box.textContent = [err.detail || t('internal_error'), ...leftovers].join(' · ');
    box.hidden = false;
    box.scrollIntoView({ block: 'nearest' });
  } else {
    toast(err.detail);
  }
}

/** A whole-screen state for a failed load, with a retry. */
/** An error in words; "try again" only where trying again can help (not for a job that does not exist). */
export function failed(err, retry) {
  const lasting = err.status >= 400 && err.status < 500 && ![408, 429].includes(err.status);
  return h('div', { class: 'state', role: 'alert' },
    h('p', {}, err.detail || t('internal_error')),
    retry && !lasting ? h('button', { type: 'button', onclick: retry }, t('retry')) : null,
    lasting ? h('a', { class: 'button', href: '#/' }, t('go_home')) : null);
}

/** The item a list shows when it has none (an <li>: every use is inside a list, which may hold only items). */
export function empty(text, ...extra) {
  return h('li', { class: 'state' }, h('p', {}, text), ...extra);
}

export function loading() {
  return h('p', { class: 'loading' }, t('loading'));
}

/** Run `action` from a button: disabled while it runs, errors shown as a toast (or in `box`). */
export function act(button, action) {
  return async () => {
    const done = busy(button);
    try { await action(); } catch (err) { toast(err.detail || t('internal_error')); } finally { done(); }
  };
}

/**
 * Feedback the moment a tap starts waiting on the network: the button is disabled, marked busy and says what is
 * happening (its `data-busy` words, else 正在提交…). Returns the function that puts it back.
 */
export function busy(button, words) {
  const before = button.textContent;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  button.textContent = words || button.dataset.busy || t('busy');
  return () => {
    button.disabled = false;
    button.removeAttribute('aria-busy');
    button.textContent = before;
  };
}

/** The browser's position as {lat, lon}; rejects when refused or unavailable. */
export function here() {
  return new Promise((resolve, reject) => {
    if (!navigator.geolocation) { reject(new Error('unavailable')); return; }
    navigator.geolocation.getCurrentPosition(
      (pos) => resolve({ lat: +pos.coords.latitude.toFixed(6), lon: +pos.coords.longitude.toFixed(6) }),
      reject, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
  });
}

export function badge(text, kind = '') {
  return h('span', { class: `badge ${kind}` }, text);
}
