// Places: choosing where a job or a home is (the city's place list as you type, the phone's position, a station),
// and reaching it (distance, links that open the phone's map app, one-tap calls).
import { api, qs } from './api.js';
import { t } from './i18n.js';
import { mapSource, pinMap } from './pinmap.js';
import { h, here } from './ui.js';

const WAIT_MS = 250;

/**
 * Where: an address typed with suggestions from the city's place list, and a position from the picked place, the
 * phone or a station. The address is never made up ("我的位置"): after locating, the places near the phone are
 * offered and the person writes or picks the address. `value()` gives {lat, lon, address[, confirm_far_position]}
 * or undefined; `failed(err)` offers the confirmation when the server says address and position disagree.
 */
export function placePicker(location, legend) {
  let current = location ? { lat: location.lat, lon: location.lon } : null;
  const status = h('p', { class: 'position', 'aria-live': 'polite' });
  const address = h('input', {
    type: 'text', name: 'address', maxlength: 200, autocomplete: 'off', value: location?.address || '',
    placeholder: t('place_search_ph'), role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false',
    'aria-controls': 'place-list',
  });
  const list = h('ul', { class: 'suggest places', id: 'place-list', role: 'listbox', 'aria-label': t('place_search') });
  const confirm = h('input', { type: 'checkbox', name: 'confirm_far_position' });
  const confirmBox = h('label', { class: 'check confirmfar', hidden: true }, confirm, t('confirm_far'));
  const draw = (source) => {
    status.replaceChildren(...(current ? [source || '',
      h('small', { class: 'hint' }, t('coords', { a: `${current.lat.toFixed(4)}, ${current.lon.toFixed(4)}` }))]
      : [t('no_position')]));
  };
  const offer = (places, heading) => {
    list.replaceChildren(...(heading && places.length ? [h('li', { class: 'hint', role: 'presentation' }, heading)] : []),
      ...places.map((p) => h('li', { role: 'option' }, h('button', {
        type: 'button', class: 'plain place',
        onclick: () => {
          current = { lat: p.lat, lon: p.lon };
          address.value = p.address;
          list.replaceChildren();
          address.setAttribute('aria-expanded', 'false');
          draw(t('place_chosen', { a: p.name }));
          map?.setPin(current);
        },
      }, h('strong', {}, p.name), h('small', { class: 'hint' }, `${p.district} · ${p.address}${p.distance_km != null ? ` · ${t('km', { n: p.distance_km.toFixed(1) })}` : ''}`)))));
    address.setAttribute('aria-expanded', places.length ? 'true' : 'false');
  };
  let timer;
  let asked = 0;
  address.addEventListener('input', () => {
    confirmBox.hidden = true;
    confirm.checked = false;
    clearTimeout(timer);
    const words = address.value.trim();
    if (!words) { list.replaceChildren(); return; }
    timer = setTimeout(async () => {
      const mine = ++asked;
      try {
        const page = await api(`/api/places${qs({ q: words, lat: current?.lat, lon: current?.lon, limit: 8 })}`);
        if (mine !== asked) return;
        if (page.items.length) offer(page.items);
        else list.replaceChildren(h('li', { class: 'hint', role: 'presentation' }, t('place_none')));
      } catch { /* suggestions are a help: typing goes on without them */ }
    }, WAIT_MS);
  });
  const locate = h('button', { type: 'button' }, t('use_my_location'));
  locate.addEventListener('click', async () => {
    status.textContent = t('locating');
    try {
      const pos = await here();
      current = pos;
      draw(t('position_from_phone'));
      fillStations(pos);
      const page = await api(`/api/places${qs({ lat: pos.lat, lon: pos.lon, limit: 5 })}`).catch(() => ({ items: [] }));
      offer(page.items, t('places_near'));
      // A saved address (the company's, the old home) no longer names where the phone is: ask for the new one.
      if (!address.value.trim() || location?.address === address.value) {
        address.value = '';
        status.prepend(h('strong', { class: 'needaddr' }, t('place_needs_address')), ' ');
        address.focus({ preventScroll: true });
      }
    } catch {
      status.textContent = t('location_failed');
    }
  });
  const select = h('select', { 'aria-label': t('pick_station') }, h('option', { value: '' }, `— ${t('pick_station')} —`));
  let stations = [];
  const fillStations = async (center) => {
    try {
      const page = await api(`/api/stations${qs({ lat: center?.lat, lon: center?.lon, limit: 50 })}`);
      stations = page.items;
      select.replaceChildren(h('option', { value: '' }, `— ${t('pick_station')} —`),
        ...stations.map((s) => h('option', { value: s.id }, `${s.district} · ${s.name}${s.distance_km != null ? ` (${t('km', { n: s.distance_km.toFixed(1) })})` : ''}`)));
    } catch { /* the list stays empty; the other ways still work */ }
  };
  select.addEventListener('change', () => {
    const s = stations.find((x) => String(x.id) === select.value);
    if (!s) return;
    current = { lat: s.lat, lon: s.lon };
    address.value = s.address;
    draw(t('position_from_station', { a: s.name }));
    map?.setPin(current);
  });
  // A map to drop a pin on, only where the market has a tile source (none by default: pinmap.js).
  let map = null;
  const mapSlot = h('div', { class: 'mapslot', hidden: true });
  const mapToggle = mapSource() && h('button', { type: 'button', 'aria-expanded': 'false' }, t('map_open'));
  mapToggle?.addEventListener('click', () => {
    if (!map) {
      const near = current || (stations[0] && { lat: stations[0].lat, lon: stations[0].lon }) || null;
      map = pinMap(near, async (pos) => {
        current = pos;
        confirmBox.hidden = true;
        confirm.checked = false;
        draw(t('position_from_map'));
        // An address already written stays (the pin only makes the point exact); an empty one is asked for.
        if (address.value.trim()) return;
        status.prepend(h('strong', { class: 'needaddr' }, t('place_needs_address_map')), ' ');
        const page = await api(`/api/places${qs({ lat: pos.lat, lon: pos.lon, limit: 5 })}`).catch(() => ({ items: [] }));
        offer(page.items, t('places_near'));
      });
      if (current) map.setPin(current);
      mapSlot.append(map);
    }
    mapSlot.hidden = !mapSlot.hidden;
    mapToggle.setAttribute('aria-expanded', String(!mapSlot.hidden));
    mapToggle.textContent = t(mapSlot.hidden ? 'map_open' : 'map_close');
  });
  draw(location ? t('position_set', { a: location.address }) : null);
  fillStations(current);
  const el = h('fieldset', { class: 'group placepicker', dataset: { field: 'location' } }, h('legend', {}, legend || t('home')),
    h('div', { class: 'field', dataset: { field: 'location.address' } },
      h('label', {}, t('place_search'), address), list, h('p', { class: 'err', role: 'alert' })),
    status, locate, mapToggle, mapSlot, h('p', { class: 'hint' }, t('or_pick_station')), select, confirmBox,
    h('p', { class: 'err', role: 'alert' }));
  el.value = () => {
    if (!current) return undefined;
    const out = { lat: current.lat, lon: current.lon, address: address.value.trim() };
    if (confirm.checked) out.confirm_far_position = true;
    return out;
  };
  el.failed = (err) => {
    if (err && err.code === 'address_far_from_position') {
      confirmBox.hidden = false;
      confirm.focus({ preventScroll: true });
    }
  };
  return el;
}

/** "About 3.2 km away", or nothing when the distance is unknown. */
export function distanceText(km) {
  return km != null ? t('distance_away', { n: km.toFixed(1) }) : null;
}

/** Buttons that open the phone's map app at the place: Amap (GCJ-02) and any other app (geo:, WGS-84). */
export function mapLinks(navigation) {
  if (!navigation) return null;
  return h('div', { class: 'actions maplinks' },
    h('a', { class: 'button', href: navigation.amap_url, target: '_blank', rel: 'noopener' }, t('navigate_amap')),
    h('a', { class: 'button', href: navigation.geo_uri }, t('navigate_other')));
}

/** A one-tap call: a big tel: link showing the number in full. */
export function callButton(phone, label, primary = false) {
  if (!phone || phone.includes('*')) return null;
  return h('a', { class: `button call${primary ? ' primary' : ''}`, href: `tel:${phone}` }, `${label} ${phone}`);
}
