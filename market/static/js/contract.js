// A signed contract: its number, status, fingerprint, the PDF to open, download or print, and its verify link.
import { api } from './api.js';
import { t, when } from './i18n.js';
import { badge, failed, h, loading, show } from './ui.js';

const KEY = 'lg.contracts';

// Orders do not carry their contract yet (see docs/frontend.md): the reference that accepting returned is kept
// on this device, and `order.contract` is used as soon as the API sends it.
function known() {
  try { return JSON.parse(localStorage.getItem(KEY)) || {}; } catch { return {}; }
}

export function rememberContract(orderId, ref) {
  const all = known();
  all[orderId] = { id: ref.id, number: ref.number };
  localStorage.setItem(KEY, JSON.stringify(all));
}

export function contractLink(order) {
  const ref = order.contract || known()[order.id];
  return ref ? h('p', {}, h('a', { class: 'button', href: `#/contract/${ref.id}` }, `${t('open_contract')} ${ref.number}`)) : null;
}

export async function contract({ params }) {
  show(t('contract_title'), loading());
  let c;
  try {
    c = await api(`/api/contracts/${params[0]}`);
  } catch (err) {
    show(t('contract_title'), failed(err, () => contract({ params })));
    return;
  }
  const status = t(`contract_status_${c.status}`) === `contract_status_${c.status}` ? c.status : t(`contract_status_${c.status}`);
  show(t('contract_title'),
    h('p', { class: 'noprint' }, h('button', { type: 'button', class: 'link back', onclick: () => history.back() }, `← ${t('back')}`)),
    h('h1', {}, t('contract_title')),
    h('dl', { class: 'terms stack' },
      h('dt', {}, t('contract_number')), h('dd', {}, h('strong', {}, c.number)),
      h('dt', {}, t('contract_status')), h('dd', {}, badge(status, c.status)),
      h('dt', {}, t('contract_issued')), h('dd', {}, when(c.issued_at)),
      h('dt', {}, t('fingerprint')), h('dd', { class: 'hash' }, c.sha256),
      h('dt', {}, t('verify_online')), h('dd', {}, h('a', { href: c.verify_url }, c.verify_url))),
    h('p', { class: 'hint' }, t('verify_qr_note')),
    h('div', { class: 'actions noprint' },
      h('a', { class: 'button primary', href: c.pdf_url, target: '_blank', rel: 'noopener' }, t('open_pdf')),
      h('a', { class: 'button', href: c.pdf_url, download: `${c.number}.pdf` }, t('download_pdf')),
      h('button', { type: 'button', onclick: () => window.print() }, t('print'))));
}
