// A signed contract in plain view: who, what, when, where, pay and pay-by, the parties' phones, its QR code and
// fingerprint, the PDF to open, download or print (the station's print sheet is this page printed).
import { api } from './api.js';
import { money, payText, span, t, when } from './i18n.js';
import { mapLinks } from './places.js';
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

/** A long value that wraps at its natural breaks (after "/", "?", "&", or between groups), not mid-word. */
function breakable(text, after = /([/?&=])/) {
  return text.split(after).flatMap((part, i) => (i % 2 ? [part, h('wbr')] : [part]));
}

function fingerprint(sha) {
  return (sha.match(/.{1,8}/g) || []).join(' ');
}

function party(label, p) {
  return [h('dt', {}, label), h('dd', {}, h('strong', {}, p.name), ' ',
    p.phone && !p.phone.includes('*') ? h('a', { class: 'button call', href: `tel:${p.phone}` }, `${t('contract_phone')} ${p.phone}`)
      : h('span', {}, p.phone))];
}

function orderTerms(o) {
  return [
    ...party(t('contract_employer'), o.employer),
    ...party(t('contract_worker'), o.worker),
    h('dt', {}, t('contract_job')), h('dd', {}, o.job.title),
    h('dt', {}, t('when')), h('dd', {}, span(o.starts_at, o.ends_at)),
    h('dt', {}, t('contract_where')), h('dd', {}, o.job.address),
    h('dt', {}, t('pay')), h('dd', {}, h('strong', {}, payText({ amount_fen: o.job.pay_amount_fen, unit: o.job.pay_unit })),
      ` · ${t('agreed_pay')} ${money(o.agreed_pay_fen)}`),
    h('dt', {}, t('pay_by')), h('dd', {}, h('strong', {}, when(o.pay_due_at))),
  ];
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
  // The order holds who, what, when, where and pay; the contract page shows them in words, not just a number.
  const order = c.order_id ? await api(`/api/orders/${c.order_id}`).catch(() => null) : null;
  const status = t(`contract_status_${c.status}`) === `contract_status_${c.status}` ? c.status : t(`contract_status_${c.status}`);
  show(t('contract_title'),
    h('p', { class: 'noprint' }, h('button', { type: 'button', class: 'link back', onclick: () => history.back() }, `← ${t('back')}`)),
    h('h1', {}, t('contract_title')),
    h('div', { class: 'contractsheet' },
      h('dl', { class: 'terms stack' },
        h('dt', {}, t('contract_number')), h('dd', {}, h('strong', {}, c.number)),
        h('dt', {}, t('contract_status')), h('dd', {}, badge(status, c.status)),
        ...(order ? orderTerms(order) : []),
        h('dt', {}, t('contract_issued')), h('dd', {}, when(c.issued_at)),
        h('dt', {}, t('fingerprint')), h('dd', { class: 'hash' }, fingerprint(c.sha256)),
        h('dt', {}, t('verify_online')), h('dd', { class: 'url' }, h('a', { href: c.verify_url }, breakable(c.verify_url)))),
      h('figure', { class: 'qr' },
        h('img', { src: `/api/contracts/${c.id}/qr.svg`, alt: t('contract_qr'), width: 160, height: 160 }),
        h('figcaption', {}, t('contract_qr')))),
    order ? h('div', { class: 'noprint' }, mapLinks(order.job.navigation)) : null,
    h('p', { class: 'hint' }, t('verify_qr_note')),
    h('div', { class: 'actions noprint' },
      h('a', { class: 'button primary', href: c.pdf_url, target: '_blank', rel: 'noopener' }, t('open_pdf')),
      h('a', { class: 'button', href: c.pdf_url, download: `${c.number}.pdf` }, t('download_pdf')),
      h('button', { type: 'button', onclick: () => window.print() }, t('print'))));
}
