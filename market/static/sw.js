// The service worker (scope "/"): keeps the app shell and every versioned module and style, so the app opens with
// no network; and the last answers of the radar, jobs, orders and contracts, served (marked) when the network
// fails. Its lists are filled in by the server (market/frontend.py) as it serves this file.
const VERSION = '__VERSION__';
const PRECACHE = /*PRECACHE*/[];
const SHELL_CACHE = `lg-shell-${VERSION}`;
const DATA_CACHE = 'lg-data';
const SAVED_HEADER = 'X-Linggong-Saved';
// GET answers worth having offline: the radar and jobs, orders, contracts, messages, one's profile, stations.
const KEPT = [/^\/api\/jobs(\/\d+)?$/, /^\/api\/orders$/, /^\/api\/contracts(\/\d+)?$/, /^\/api\/notifications$/,
  /^\/api\/workers\/me$/, /^\/api\/employers\/me$/, /^\/api\/auth\/me$/, /^\/api\/stations$/, /^\/api\/workers\/\d+(\/jobs)?$/];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL_CACHE).then((cache) => cache.addAll(['/', ...PRECACHE])).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((names) => Promise.all(names
    .filter((name) => name.startsWith('lg-shell-') && name !== SHELL_CACHE).map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

async function saved(response) {
  const headers = new Headers(response.headers);
  headers.set(SAVED_HEADER, new Date().toISOString());
  return new Response(await response.clone().blob(), { status: response.status, statusText: response.statusText, headers });
}

/** Network first; a 200 is kept; when the network fails, the kept answer (marked with when it was saved). */
async function dataFirstFromNetwork(request) {
  const cache = await caches.open(DATA_CACHE);
  try {
    const response = await fetch(request);
    if (response.status === 200) cache.put(request, await saved(response));
    return response;
  } catch (err) {
    const kept = await cache.match(request, { ignoreVary: true });
    if (kept) return kept;
    throw err;
  }
}

/** The shell: fresh from the network when it answers, else the kept copy (never the browser's error page). */
async function shell(request) {
  const cache = await caches.open(SHELL_CACHE);
  try {
    const response = await fetch(request);
    if (response.status === 200) cache.put('/', response.clone());
    return response;
  } catch (err) {
    const kept = await cache.match('/');
    if (kept) return kept;
    throw err;
  }
}

/** A versioned file never changes: the kept copy when there is one, else the network (and keep it). */
async function asset(request) {
  const cache = await caches.open(SHELL_CACHE);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.status === 200 && new URL(request.url).searchParams.has('v')) cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/')) {
    if (KEPT.some((re) => re.test(url.pathname))) event.respondWith(dataFirstFromNetwork(request));
    return;
  }
  if (request.mode === 'navigate' && url.pathname === '/') { event.respondWith(shell(request)); return; }
  if (PRECACHE.includes(url.pathname + url.search)) event.respondWith(asset(request));
});
