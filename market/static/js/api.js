// The one way the app talks to the server. Authentication is the HttpOnly session cookie that login sets (the
// token never touches script-readable storage); only the user's id, name and role are remembered, to draw the
// right screens before the first answer comes back.
import { currentLang, t } from './i18n.js';
import { keepAnswer, noteAnswer, savedAnswer } from './offline.js';

const USER_KEY = 'lg.user';

/** Every failure, in the server's one error shape: {status_code, code, detail, fields: [{field, message}]}. */
export class ApiError extends Error {
  constructor(body) {
    super(body.detail);
    this.status = body.status_code;
    this.code = body.code;
    this.detail = body.detail;
    this.fields = body.fields || [];
  }
}

export function storedUser() {
  try { return JSON.parse(localStorage.getItem(USER_KEY)); } catch { return null; }
}

export function rememberUser(user) {
  if (user) localStorage.setItem(USER_KEY, JSON.stringify({ id: user.id, name: user.name, role: user.role }));
  else localStorage.removeItem(USER_KEY);
}

// Each route starts a new screen (app.js). Reads belong to the screen that made them: when the user moves on, the
// old screen's reads are aborted and their answers never arrive, so a screen still loading cannot draw over the
// one now shown, and a slow phone stops downloading what nobody will see.
let screenReads = new AbortController();
const NEVER = new Promise(() => {});

/** Start a new screen: abandon the previous screen's reads still under way. */
export function startScreen() {
  screenReads.abort();
  screenReads = new AbortController();
}

/** The current screen's signal; a screen that waits on a timer checks it before drawing (see `stillShown`). */
export function screenSignal() {
  return screenReads.signal;
}

/** Resolve when `signal`'s screen is still the one shown; never resolve when the user has moved on. */
export function stillShown(signal) {
  return signal.aborted ? NEVER : Promise.resolve();
}

/**
 * Call the API. `body` is sent as JSON unless `raw` is given (a Blob/File sent as is, with `type`).
 * Resolves to the parsed JSON (or null for an empty answer); rejects with an ApiError.
 * A 401 outside login forgets the user and goes to the login screen. A read (GET) whose screen the user has left
 * never settles (see `startScreen`).
 */
export async function api(path, { method = 'GET', body, raw, type, headers = {} } = {}) {
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json', 'Accept-Language': currentLang(), ...headers } };
  if (raw !== undefined) {
    init.body = raw;
    init.headers['Content-Type'] = type || 'application/octet-stream';
  } else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers['Content-Type'] = 'application/json';
  }
  const signal = method === 'GET' ? screenReads.signal : null;  // an act (POST…) always gets its answer
  if (signal) init.signal = signal;
  let response;
  try {
    response = await fetch(path, init);
  } catch {
    if (signal?.aborted) return NEVER;
    response = method === 'GET' ? await savedAnswer(path) : null; // offline: the last answer, marked as such
    if (!response) throw new ApiError({ status_code: 0, code: 'network', detail: t('network') });
  }
  if (method === 'GET') keepAnswer(path, response);
  noteAnswer(response);
  let text;
  try { text = await response.text(); } catch (err) {
    if (signal?.aborted) return NEVER;
    throw err;
  }
  if (signal?.aborted) return NEVER;
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = null; }
  }
  if (response.ok) return data;
  // A 401 from signing in, up or resetting is a wrong password or code, shown on the form, not a lost session.
  if (response.status === 401 && !/^\/api\/auth\/(login|register|reset-password|sms-code)/.test(path)) {
    rememberUser(null);
    const next = location.hash.startsWith('#/login') ? '' : `?next=${encodeURIComponent(location.hash.slice(1))}`;
    location.hash = `#/login${next}`;
  }
  if (data && data.detail) throw new ApiError(data);
  throw new ApiError({ status_code: response.status, code: 'http_error', detail: t('internal_error') });
}

/** Query string from an object, leaving out empty values. */
export function qs(params) {
  const pairs = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '');
  return pairs.length ? `?${new URLSearchParams(pairs)}` : '';
}

/** A fresh key for one intended action, so a retried tap never takes a job twice. */
export function idempotencyKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
