// Gig stations, nearest first (from the phone's location when it is given), with phone and hours.
import { api, qs } from './api.js';
import { t } from './i18n.js';
import { failed, h, here, loading, show } from './ui.js';

/** Where to measure from before anyone taps: the station in use at this counter, else the phone's position when
 * the phone already allows it (no prompt), else nowhere (the server's order). */
async function startingPoint() {
  try {
    const station = JSON.parse(localStorage.getItem('lg.station'));
    if (station && station.lat != null) return station;
  } catch { /* no station chosen */ }
  try {
    if ((await navigator.permissions?.query({ name: 'geolocation' }))?.state === 'granted') return await here();
  } catch { /* no position: unsorted */ }
  return null;
}

export async function stations() {
  const list = h('ul', { class: 'cards' }, loading());
  const locate = h('button', { type: 'button' }, t('use_my_location'));
  show(t('stations_title'), h('h1', {}, t('stations_title')), locate, list);
  const load = async (center) => {
    try {
      const page = await api(`/api/stations${qs({ lat: center?.lat, lon: center?.lon, limit: 50 })}`);
      list.replaceChildren(...page.items.map((s) => h('li', { class: 'card' },
        h('div', { class: 'row' }, h('h2', {}, s.name), s.distance_km != null ? h('span', {}, t('km', { n: s.distance_km.toFixed(1) })) : null),
        h('p', { class: 'meta' }, h('span', {}, `${s.district} · ${s.address}`)),
        h('p', { class: 'meta' }, h('span', {}, `${t('hours')} ${s.hours}`)),
        h('p', {}, h('a', { class: 'button', href: `tel:${s.phone}` }, `${t('call')} ${s.phone}`)))));
    } catch (err) {
      list.replaceChildren(failed(err, () => load(center)));
    }
  };
  locate.addEventListener('click', async () => {
    locate.textContent = t('locating');
    try { await load(await here()); } catch { /* keep the unsorted list */ }
    locate.textContent = t('use_my_location');
  });
  await load(await startingPoint());
}
