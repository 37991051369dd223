// A map to drop a pin on, drawn from the tile source the market is configured with (`LINGGONG_MAP_TILES`; none by
// default, and then no map and no tile request at all). A few lines of Web Mercator rather than a map library: the
// picker needs tiles, panning, zooming and one pin, and a library would add a hundred kilobytes or more to a page
// opened on 400 kbps. Positions go in and come out in WGS-84; tiles drawn in GCJ-02 are converted for.
import { fromGcj02, toGcj02 } from './datum.js';
import { t } from './i18n.js';
import { h } from './ui.js';

const TILE = 256;
const MIN_ZOOM = 4;
const MAX_ZOOM = 18;
const CLOSE_ZOOM = 16;
const FAR_ZOOM = 5;
const FAR_CENTER = { lat: 34.5, lon: 108.9 };
const DRAG_PX = 8;
const STEP_PX = 80;

const CONFIG = JSON.parse(document.getElementById('market-config')?.textContent || '{}');

/** The configured tile source ({tiles, datum, attribution}), or null when the market draws no map. */
export function mapSource() {
  return CONFIG.map || null;
}

/** World pixel coordinates of a point at a zoom level (Web Mercator, 256-pixel tiles). */
export function project({ lat, lon }, zoom) {
  const size = TILE * 2 ** zoom;
  const sin = Math.min(Math.max(Math.sin((lat * Math.PI) / 180), -0.9999), 0.9999);
  return { x: ((lon + 180) / 360) * size, y: (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * size };
}

/** The point at world pixel coordinates: the inverse of `project`. */
export function unproject({ x, y }, zoom) {
  const size = TILE * 2 ** zoom;
  const lon = (x / size) * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / size))) * 180) / Math.PI;
  return { lat, lon };
}

/**
 * A map centred on `start` (WGS-84, or null for the whole country) where a tap drops the pin: `onPick(point)`
 * gets the pin's WGS-84 position. Dragging pans; +/− zoom; the keyboard pans with the arrows, zooms with +/− and
 * drops the pin at the centre with Enter. `el.setPin(point)` moves the pin (and the map) from outside.
 */
export function pinMap(start, onPick) {
  const source = mapSource();
  if (!source) return null;
  const gcj = source.datum === 'gcj02';
  const toTiles = gcj ? toGcj02 : (p) => p;
  const fromTiles = gcj ? fromGcj02 : (p) => p;
  let zoom = start ? CLOSE_ZOOM : FAR_ZOOM;
  let center = project(toTiles(start || FAR_CENTER), zoom);
  let pin = start ? { ...start } : null;
  const shown = new Map();
  const tiles = h('div', { class: 'tiles' });
  const marker = h('div', { class: 'pin', hidden: true, 'aria-hidden': 'true' });
  const credit = h('small', { class: 'credit' }, source.attribution || '');
  const frame = h('div', {
    class: 'pinmap', tabindex: 0, role: 'application', 'aria-label': t('map_label'),
    'aria-describedby': 'pinmap-help',
  }, tiles, marker, credit);

  const origin = () => ({ x: center.x - frame.clientWidth / 2, y: center.y - frame.clientHeight / 2 });
  const tileUrl = (x, y) => source.tiles.replace('{z}', zoom).replace('{x}', x).replace('{y}', y);
  const draw = () => {
    const { x: left, y: top } = origin();
    const count = 2 ** zoom;
    const wanted = new Set();
    for (let ty = Math.floor(top / TILE); ty <= Math.floor((top + frame.clientHeight) / TILE); ty += 1) {
      if (ty < 0 || ty >= count) continue;
      for (let tx = Math.floor(left / TILE); tx <= Math.floor((left + frame.clientWidth) / TILE); tx += 1) {
        const key = `${zoom}/${tx}/${ty}`;
        wanted.add(key);
        let img = shown.get(key);
        if (!img) {
          img = h('img', { alt: '', draggable: 'false', width: TILE, height: TILE,
            src: tileUrl(((tx % count) + count) % count, ty) });
          shown.set(key, img);
          tiles.append(img);
        }
        img.style.transform = `translate(${tx * TILE - left}px, ${ty * TILE - top}px)`;
      }
    }
    for (const [key, img] of shown) if (!wanted.has(key)) { img.remove(); shown.delete(key); }
    marker.hidden = !pin;
    if (pin) {
      const at = project(toTiles(pin), zoom);
      marker.style.transform = `translate(${at.x - left}px, ${at.y - top}px)`;
    }
  };
  const drop = (x, y) => {
    const { x: left, y: top } = origin();
    pin = fromTiles(unproject({ x: left + x, y: top + y }, zoom));
    draw();
    onPick({ lat: pin.lat, lon: pin.lon });
  };
  const zoomTo = (next) => {
    const level = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, next));
    center = { x: center.x * 2 ** (level - zoom), y: center.y * 2 ** (level - zoom) };
    zoom = level;
    draw();
  };

  let drag = null;
  frame.addEventListener('pointerdown', (e) => {
    drag = { x: e.clientX, y: e.clientY, from: { ...center }, moved: false };
    frame.setPointerCapture?.(e.pointerId);
  });
  frame.addEventListener('pointermove', (e) => {
    if (!drag) return;
    const dx = e.clientX - drag.x; const dy = e.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < DRAG_PX) return;
    drag.moved = true;
    center = { x: drag.from.x - dx, y: drag.from.y - dy };
    draw();
  });
  frame.addEventListener('pointerup', (e) => {
    if (drag && !drag.moved) {
      const box = frame.getBoundingClientRect();
      drop(e.clientX - box.left - frame.clientLeft, e.clientY - box.top - frame.clientTop); // inside the border
    }
    drag = null;
  });
  frame.addEventListener('pointercancel', () => { drag = null; });
  frame.addEventListener('keydown', (e) => {
    const moves = { ArrowLeft: [-STEP_PX, 0], ArrowRight: [STEP_PX, 0], ArrowUp: [0, -STEP_PX], ArrowDown: [0, STEP_PX] };
    if (moves[e.key]) {
      center = { x: center.x + moves[e.key][0], y: center.y + moves[e.key][1] };
      draw();
    } else if (e.key === '+' || e.key === '=') zoomTo(zoom + 1);
    else if (e.key === '-') zoomTo(zoom - 1);
    else if (e.key === 'Enter' || e.key === ' ') drop(frame.clientWidth / 2, frame.clientHeight / 2);
    else return;
    e.preventDefault();
  });

  const zoomIn = h('button', { type: 'button', 'aria-label': t('map_zoom_in'), onclick: () => zoomTo(zoom + 1) }, '+');
  const zoomOut = h('button', { type: 'button', 'aria-label': t('map_zoom_out'), onclick: () => zoomTo(zoom - 1) }, '−');
  const el = h('div', { class: 'pinmapbox' }, frame,
    h('div', { class: 'actions mapzoom' }, zoomIn, zoomOut),
    h('p', { class: 'hint', id: 'pinmap-help' }, t('map_help')));
  el.setPin = (point) => {
    pin = point ? { ...point } : null;
    if (point) {
      if (zoom < CLOSE_ZOOM) zoom = CLOSE_ZOOM;
      center = project(toTiles(point), zoom);
    }
    draw();
  };
  // Drawn once the frame has a size (it is placed in the page by the caller), and again when the size changes.
  new ResizeObserver(() => draw()).observe(frame);
  return el;
}
