// Offline and slow networks: registers the service worker (/sw.js keeps the shell and the modules), keeps the last
// answers of the radar, jobs, orders and contracts in the page's Cache Storage, gives them back when the network
// fails, and says so on screen (没有网络，显示的是上次的内容).
import { t, when } from './i18n.js';
import { h } from './ui.js';

/** The header carried by an answer the service worker served from its store (the time it was saved). */
export const SAVED_HEADER = 'X-Linggong-Saved';
const DATA_CACHE = 'lg-data';
// GET answers worth having offline: the radar and jobs, orders, contracts, messages, one's profile, stations, the
// counter's walk-in and their jobs.
const KEPT = [/^\/api\/jobs(\/\d+)?$/, /^\/api\/orders$/, /^\/api\/contracts(\/\d+)?$/, /^\/api\/notifications$/,
  /^\/api\/workers\/me$/, /^\/api\/employers\/me$/, /^\/api\/stations$/, /^\/api\/workers\/\d+(\/jobs)?$/];

function kept(path) {
  return !!window.caches && KEPT.some((re) => re.test(new URL(path, location.href).pathname));
}

/** Keep a copy of a fresh 200 answer to GET `path`, stamped with when it was kept (not awaited by the caller). */
export function keepAnswer(path, response) {
  if (response.status !== 200 || response.headers.get(SAVED_HEADER) || !kept(path)) return;
  const copy = response.clone();
  (async () => {
    const headers = new Headers(copy.headers);
    headers.set(SAVED_HEADER, new Date().toISOString());
    const body = await copy.blob();
    const cache = await caches.open(DATA_CACHE);
    await cache.put(path, new Response(body, { status: 200, headers }));
  })().catch(() => { /* storage full or refused: nothing kept, nothing lost */ });
}

/** The answer kept for GET `path`, when the network failed; null when there is none. */
export async function savedAnswer(path) {
  if (!kept(path)) return null;
  try {
    return (await (await caches.open(DATA_CACHE)).match(path, { ignoreVary: true })) || null;
  } catch { return null; }
}

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
  el.textContent = t('stale', { t: Number.isNaN(new Date(saved).getTime()) ? '' : when(saved) });
  el.hidden = false;
}

const OWNER_KEY = 'lg.savedFor';

/** Forget the stored answers (logging out, on a shared phone or station PC: nobody sees another's data). */
export async function forgetSaved() {
  localStorage.removeItem(OWNER_KEY);
  try { if (window.caches) await caches.delete(DATA_CACHE); } catch { /* storage refused: nothing was kept */ }
}

/** On signing in: the stored answers stay only if they are this user's own (a session that ran out), else go. */
export async function claimSaved(userId) {
  if (localStorage.getItem(OWNER_KEY) !== String(userId)) await forgetSaved();
  localStorage.setItem(OWNER_KEY, String(userId));
}

/** The parsed answer kept for GET `path` (this user's, see `claimSaved`), or null: drawn before the fresh one. */
export async function lastAnswer(path) {
  const kept = localStorage.getItem(OWNER_KEY) ? await savedAnswer(path) : null;
  try { return kept ? await kept.json() : null; } catch { return null; }
}

let handed = null;

/** Give a screen an answer that came with another (the radar's first page with the login answer), to use once. */
export function handOver(name, body) {
  handed = { name, body };
}

/** The answer handed over under `name` and not yet used, or null; it is used up by taking it. */
export function takeHandedOver(name) {
  if (!handed || handed.name !== name) return null;
  const { body } = handed;
  handed = null;
  return body;
}

/** Start: register the service worker; each new screen starts without the stale note. */
export function startOffline() {
  window.addEventListener('hashchange', () => { banner().hidden = true; });
  if ('serviceWorker' in navigator && window.isSecureContext) {
    const register = () => navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {});
    if (document.readyState === 'complete') register(); else window.addEventListener('load', register, { once: true });
  }
}
