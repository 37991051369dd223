// The station console (tablet or desktop): find or register a walk-in, find work for them, accept on their
// behalf with their consent (a signature drawn on the screen, or a code texted to their phone), print the contract.
import { api, idempotencyKey } from './api.js';
import { rememberContract } from './contract.js';
import { payText, t } from './i18n.js';
import { positionPicker, skillsEditor } from './profile.js';
import { act, badge, failed, field, form, h, loading, show, toast } from './ui.js';
import { jobTerms } from './worker.js';
import { findByName, ordersLink, stationsNear, walkInWork } from './counter.js';

const STATION_KEY = 'lg.station';

function myStation() {
  try { return JSON.parse(localStorage.getItem(STATION_KEY)); } catch { return null; }
}

async function stationChooser(onChange) {
  const current = myStation();
  const select = h('select', { id: 'station', name: 'station' }, h('option', { value: '' }, `— ${t('pick_station')} —`));
  const page = await stationsNear(current);
  for (const s of page.items) select.append(h('option', { value: s.id, selected: current && current.id === s.id }, `${s.district} · ${s.name}`));
  select.addEventListener('change', () => {
    const s = page.items.find((x) => String(x.id) === select.value);
    if (s) localStorage.setItem(STATION_KEY, JSON.stringify({ id: s.id, name: s.name, lat: s.lat, lon: s.lon, address: `${s.district} ${s.address}` }));
    onChange();
  });
  return h('div', { class: 'field' }, h('label', { for: 'station' }, t('my_station')), select);
}

function registerForm(phone) {
  const station = myStation();
  const skills = skillsEditor([]);
  const home = positionPicker(station ? { lat: station.lat, lon: station.lon, address: station.address } : null);
  return h('section', { class: 'panel' }, h('h2', {}, t('register_walkin')),
    form({ 'aria-label': t('register_walkin') }, [
      field(t('name'), 'name', { required: true, maxlength: 60, autocomplete: 'off' }),
      field(t('phone'), 'phone', { type: 'tel', inputmode: 'numeric', value: phone || '', required: true, maxlength: 20, autocomplete: 'off' }),
      field(t('id_number'), 'id_number', { maxlength: 18, autocomplete: 'off' }),
      skills, home,
      field(t('radius'), 'max_distance_km', { type: 'number', min: 1, max: 50, value: 10, inputmode: 'numeric' }),
      h('button', { type: 'submit', class: 'primary' }, t('register_walkin')),
    ], async (_, data) => {
      const body = { name: data.name.trim(), phone: data.phone.trim(), skills: skills.value(), max_distance_km: Number(data.max_distance_km) || 10 };
      if (data.id_number.trim()) body.id_number = data.id_number.trim().toUpperCase();
      const loc = home.value();
      if (loc) body.location = loc;
      const worker = await api('/api/walk-ins', { method: 'POST', body });
      toast(t('registered'));
      location.hash = `#/s/worker/${worker.id}`;
    }));
}

export async function consoleHome() {
  const right = h('div');
  const hint = h('p', { class: 'notice', hidden: !!myStation() }, t('choose_station'));
  const chooser = await stationChooser(() => {
    hint.hidden = !!myStation();
    right.replaceChildren(registerForm(findBox.querySelector('input').value));
  });
  const findBox = form({ class: 'panel', role: 'search', 'aria-label': t('find_walkin') }, [
    h('h2', {}, t('find_walkin')),
    h('div', { class: 'inline', dataset: { field: 'phone' } },
      h('input', { type: 'tel', name: 'phone', inputmode: 'numeric', 'aria-label': t('phone'), placeholder: t('phone'), autocomplete: 'off' }),
      h('button', { type: 'submit', class: 'primary' }, t('find'))),
    h('p', { class: 'err', role: 'alert' }),
  ], async (_, data) => {
    try {
      const worker = await api('/api/workers/search', { method: 'POST', body: { phone: data.phone.trim() } }); // phones stay out of URLs and logs
      location.hash = `#/s/worker/${worker.id}`;
    } catch (err) {
      if (err.status !== 404) throw err;
      right.replaceChildren(h('p', { class: 'notice' }, t('not_found_register')), registerForm(data.phone.trim()));
    }
  });
  right.append(registerForm(''));
  show(t('console_title'), h('h1', {}, t('console_title')), chooser,
    hint,
    h('div', { class: 'cols' }, h('div', {}, findBox, findByName()), right),
    h('p', {}, h('a', { class: 'button', href: '#/courses' }, t('co_title'))));  // issue 14 (js/courses.js)
}

export async function walkIn({ params }) {
  show(t('console_title'), loading());
  let worker;
  try {
    worker = await api(`/api/workers/${params[0]}`);
  } catch (err) {
    show(t('console_title'), failed(err, () => walkIn({ params })));
    return;
  }
  const center = worker.location || myStation();
  const skill = h('select', { id: 'skill', name: 'skill' }, h('option', { value: '' }, '—'),
    ...worker.skills.map((s) => h('option', { value: s.name }, s.name)));
  const work = walkInWork(worker, center, skill);
  const consentSent = h('p', { class: 'hint', 'aria-live': 'polite' });
  const consentSend = h('button', { type: 'button' }, t('send_code'));
  consentSend.addEventListener('click', act(consentSend, async () => {
    const answer = await api(`/api/walk-ins/${worker.id}/consent-codes`, { method: 'POST', body: {} });
    consentSent.textContent = t('code_sent', { p: answer.sent_to });
  }));
  const consentForm = form({ class: 'panel', 'aria-label': t('station_consent') }, [
    h('h2', {}, t('station_consent')), h('p', { class: 'hint' }, t('station_consent_hint')), consentSend, consentSent,
    field(t('code'), 'consent_code', { inputmode: 'numeric', maxlength: 6, autocomplete: 'one-time-code' }),
    h('button', { type: 'submit' }, t('give_consent')),
  ], async (_, data) => {
    await api(`/api/walk-ins/${worker.id}/consent`, { method: 'POST', body: { consent_code: data.consent_code.trim() } });
    toast(t('consent_given'));
    consentSent.textContent = t('consent_given');
  });
  show(worker.name,
    h('p', {}, h('a', { href: '#/s', class: 'back' }, `← ${t('back')}`)),
    h('div', { class: 'cols' },
      h('section', { class: 'panel' }, h('h1', {}, worker.name),
        h('dl', { class: 'terms' },
          h('dt', {}, t('phone')), h('dd', {}, worker.phone),
          h('dt', {}, t('id_number')), h('dd', {}, worker.id_number || '—'),
          h('dt', {}, t('trades')), h('dd', {}, worker.skills.map((s) => `${s.name} ${s.years}${t('years') === 'Years' ? 'y' : '年'}${s.certified ? ' ✓' : ''}`).join('、') || t('none')),
          h('dt', {}, t('address')), h('dd', {}, worker.location ? worker.location.address : t('no_position'))),
        h('div', { class: 'actions' }, ordersLink(worker)),
        consentForm),
      h('section', {}, h('h2', {}, t('find_work')),
        h('div', { class: 'field' }, h('label', { for: 'skill' }, t('skill_filter')), skill), work.element)));
  await work.load();
}

function signaturePad() {
  const canvas = h('canvas', { class: 'sigpad', width: 600, height: 200, role: 'img', 'aria-label': t('consent_sign') });
  const ctx = canvas.getContext('2d');
  let drawing = false;
  let strokes = 0;
  const at = (e) => {
    const r = canvas.getBoundingClientRect();
    return [(e.clientX - r.left) * (canvas.width / r.width), (e.clientY - r.top) * (canvas.height / r.height)];
  };
  canvas.addEventListener('pointerdown', (e) => {
    drawing = true; strokes += 1;
    canvas.setPointerCapture(e.pointerId);
    ctx.lineWidth = 4; ctx.lineCap = 'round'; ctx.lineJoin = 'round'; ctx.strokeStyle = '#111';
    ctx.beginPath(); ctx.moveTo(...at(e));
  });
  canvas.addEventListener('pointermove', (e) => { if (drawing) { ctx.lineTo(...at(e)); ctx.stroke(); } });
  const stop = () => { drawing = false; };
  canvas.addEventListener('pointerup', stop);
  canvas.addEventListener('pointercancel', stop);
  canvas.clear = () => { ctx.clearRect(0, 0, canvas.width, canvas.height); strokes = 0; };
  canvas.signed = () => strokes > 0;
  canvas.png = () => canvas.toDataURL('image/png').split(',')[1];
  return canvas;
}

export async function acceptFor({ params, query }) {
  const [jobId, workerId] = params;
  show(t('accept_for'), loading());
  let job;
  let worker;
  try {
    [job, worker] = await Promise.all([api(`/api/jobs/${jobId}`), api(`/api/workers/${workerId}`)]);
  } catch (err) {
    show(t('accept_for'), failed(err, () => acceptFor({ params })));
    return;
  }
  const result = h('div', { 'aria-live': 'polite' });
  const key = idempotencyKey();
  const accept = async (consent) => {
    const answer = await api(`/api/jobs/${job.id}/accept`, { method: 'POST', headers: { 'Idempotency-Key': key }, body: { worker_id: worker.id, ...consent } });
    if (answer.contract) rememberContract(answer.order.id, answer.contract);
    toast(t('accepted'));
    result.replaceChildren(h('div', { class: 'notice' }, h('p', {}, h('strong', {}, t('accepted'))),
      answer.contract ? h('div', { class: 'actions' },
        h('a', { class: 'button primary', href: `#/contract/${answer.contract.id}` }, `${t('open_contract')} ${answer.contract.number}`),
        h('a', { class: 'button', href: answer.contract.pdf_url, target: '_blank', rel: 'noopener' }, `${t('print')} PDF`)) : h('p', {}, t('contract_pending'))));
    document.querySelectorAll('.consent').forEach((el) => { el.hidden = true; });
  };
  const pad = signaturePad();
  const signForm = form({ class: 'panel consent', 'aria-label': t('consent_sign') }, [
    h('h3', {}, t('consent_sign')), pad,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('accept_with_sign')),
      h('button', { type: 'button', onclick: () => pad.clear() }, t('consent_clear'))),
  ], async () => {
    if (!pad.signed()) throw { detail: t('sign_required') };
    await accept({ consent: 'staff_signature', signature_png: pad.png() });
  });
  const sent = h('p', { class: 'hint', 'aria-live': 'polite' });
  const send = h('button', { type: 'button' }, t('send_code'));
  send.addEventListener('click', act(send, async () => {
    const answer = await api(`/api/walk-ins/${worker.id}/consent-codes`, { method: 'POST', body: { job_id: job.id } });
    sent.textContent = t('code_sent', { p: answer.sent_to });
  }));
  const codeForm = form({ class: 'panel consent', 'aria-label': t('consent_code') }, [
    h('h3', {}, t('consent_code')), send, sent,
    field(t('code'), 'consent_code', { inputmode: 'numeric', maxlength: 6, autocomplete: 'one-time-code' }),
    h('button', { type: 'submit', class: 'primary' }, t('accept_with_code')),
  ], async (_, data) => accept({ consent: 'staff_sms_code', consent_code: data.consent_code.trim() }));
  show(t('accept_for'),
    h('p', {}, h('a', { href: `#/s/worker/${worker.id}`, class: 'back' }, `← ${t('back')}`)),
    h('h1', {}, `${t('accept_for')}: ${worker.name}`),
    query?.get('outside') ? h('p', { class: 'notice warn', role: 'alert' }, `⚠ ${t('outside_trades_detail', { mine: worker.skills.map((s) => s.name).join('、') || t('none'), need: job.skills.join('、') })}`) : null,
    h('div', { class: 'cols' },
      h('section', {}, h('h2', {}, job.title, ' ', badge(payText(job.pay), 'open')), jobTerms(job), h('p', { class: 'hint' }, t('accept_note'))),
      h('section', {}, h('h2', {}, t('consent')), result, signForm, codeForm)));
}
