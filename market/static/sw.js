// The service worker (scope "/"): keeps the app shell and every versioned module and style, so the app opens with
// no network instead of the browser's error page. Its list is filled in by the server (market/frontend.py) as it
// serves this file. API answers never pass through here: the page keeps the last ones itself (js/offline.js), so
// they travel the page's own network path.
const VERSION = '__VERSION__';
const PRECACHE = /*PRECACHE*/[];
const SHELL_CACHE = `lg-shell-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL_CACHE).then((cache) => cache.addAll(['/', ...PRECACHE])).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((names) => Promise.all(names
    .filter((name) => name.startsWith('lg-shell-') && name !== SHELL_CACHE).map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

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
  if (url.pathname.startsWith('/api/')) return; // answers are kept by the page itself (js/offline.js)
  if (request.mode === 'navigate' && url.pathname === '/') { event.respondWith(shell(request)); return; }
  if (PRECACHE.includes(url.pathname + url.search)) event.respondWith(asset(request));
});
