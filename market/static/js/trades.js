// A trade name input with suggestions from the taxonomy as the user types (GET /api/trades/suggest?q=, answering
// [{code, zh, en, matched}] or {items: [...]}). Until the server offers it, typing still works: free text is
// accepted and the server recognises trade names itself.
import { api, qs } from './api.js';
import { currentLang, t } from './i18n.js';
import { h } from './ui.js';

let available = true;
let seq = 0;

async function suggest(text) {
  if (!available || !text) return [];
  try {
    const answer = await api(`/api/trades/suggest${qs({ q: text, limit: 8 })}`);
    return Array.isArray(answer) ? answer : answer.items || [];
  } catch (err) {
    if (err.status === 404 || err.status === 405) available = false;
    return [];
  }
}

/** `onAdd(name)` is called with the chosen or typed trade; the input empties for the next one. */
export function tradeInput(label, onAdd) {
  const id = `trade${++seq}`;
  const list = h('datalist', { id: `${id}l` });
  const input = h('input', { id, type: 'text', list: `${id}l`, autocomplete: 'off', placeholder: t('trade_placeholder'), maxlength: 40, enterkeyhint: 'done' });
  let timer;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const items = await suggest(input.value.trim());
      list.replaceChildren(...items.map((s) => h('option', { value: s.zh }, currentLang() === 'en' ? s.en : (s.matched && s.matched !== s.zh ? s.matched : null))));
    }, 200);
  });
  const add = () => { onAdd(input.value); input.value = ''; list.replaceChildren(); input.focus(); };
  input.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); add(); } });
  return h('div', { class: 'tradeadd' }, h('label', { for: id }, label),
    h('div', { class: 'inline' }, input, list, h('button', { type: 'button', onclick: add }, t('trade_add'))));
}
