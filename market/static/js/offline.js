// Offline and slow networks: registers the service worker (/sw.js keeps the shell, the modules and the last
// answers of the radar, orders and contracts), and says so on screen when an answer came from that store.
import { t } from './i18n.js';
import { h } from './ui.js';

/** The header carried by an answer the service worker served from its store (the time it was saved). */
export const SAVED_HEADER = 'X-Linggong-Saved';
const DATA_CACHE = 'lg-data';

function banner() {
  let el = document.getElementById('stale');
  if (!el) {
    el = h('div', { id: 'stale', class: 'offline stale', role: 'status', hidden: true });
    document.getElementById('offline').after(el);
  }
  return el;
}

/** Called by the API client for every answer: one from the store shows "没有网络，显示的是上次的内容". */
export function noteAnswer(response) {
  const saved = response.headers.get(SAVED_HEADER);
  if (!saved) return;
  const el = banner();
  const at = new Date(saved);
  el.textContent = t('stale', { t: Number.isNaN(at.getTime()) ? '' : at.toLocaleString(document.documentElement.lang) });
  el.hidden = false;
}

/** Forget the stored answers (logging out or in on a shared phone or station PC: nobody sees another's data). */
export async function forgetSaved() {
  try { if (window.caches) await caches.delete(DATA_CACHE); } catch { /* storage refused: nothing was kept */ }
}

/** Start: register the service worker; each new screen starts without the stale note. */
export function startOffline() {
  window.addEventListener('hashchange', () => { banner().hidden = true; });
  if ('serviceWorker' in navigator && window.isSecureContext) {
    const register = () => navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {});
    if (document.readyState === 'complete') register(); else window.addEventListener('load', register, { once: true });
  }
}
