// Anyone can check a contract PDF: signatures intact, trusted, unchanged, and the copy we stored.
import { api } from './api.js';
import { ZONE, currentLang, t } from './i18n.js';
import { badge, form, h, show } from './ui.js';

// A signature's moment in the market's zone with its year (contracts are checked years later): "2026/12/1 15:22".
function signedWhen(iso) {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(currentLang() === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: ZONE, year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false,
  }).format(new Date(iso));
}

export function verify() {
  const result = h('section', { 'aria-live': 'polite' });
  const file = h('input', { type: 'file', id: 'pdf', name: 'pdf', accept: 'application/pdf,.pdf' });
  show(t('verify_title'),
    h('h1', {}, t('verify_title')),
    h('p', {}, t('verify_intro')),
    form({}, [
      h('div', { class: 'field', dataset: { field: 'pdf' } }, h('label', { for: 'pdf' }, t('pdf_file')), file, h('p', { class: 'err', role: 'alert' })),
      h('button', { type: 'submit', class: 'primary' }, t('verify_btn')),
    ], async () => {
      const chosen = file.files[0];
      if (!chosen) throw { detail: t('choose_file'), fields: [{ field: 'pdf', message: t('choose_file') }] };
      result.replaceChildren();
      const r = await api('/api/contracts/verify', { method: 'POST', raw: chosen, type: 'application/pdf' });
      // replaceChildren writes a null child as the text "null": the optional parts are wrapped in h(), which skips it.
      result.replaceChildren(h('div', {},
        h('p', { class: `verdict ${r.valid ? 'ok' : 'bad'}` }, r.valid ? t('verify_valid') : t('verify_invalid')),
        h('dl', { class: 'terms stack' },
          h('dt', {}, t('contract_number')), h('dd', {}, r.contract_number || '—'),
          h('dt', {}, t('fingerprint')), h('dd', { class: 'hash' }, r.sha256)),
        r.signers.length ? h('h2', {}, t('signers')) : null,
        h('ul', { class: 'plainlist' }, ...r.signers.map((s) => h('li', {},
          badge(s.valid && s.trusted ? '✓' : '✗', s.valid && s.trusted ? 'confirmed' : 'cancelled'), ' ',
          `${s.name} · ${signedWhen(s.signed_at)}`))),
        r.problems.length ? h('h2', {}, t('problems')) : null,
        h('ul', { class: 'plainlist' }, ...r.problems.map((p) => h('li', {}, p.message)))));
    }),
    result);
}
