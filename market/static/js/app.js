// The shell: language switch, offline banner, bottom navigation and hash routing (#/radar, #/job/12…).
// Screens for each role live in their own module, loaded when first needed, so a worker's phone only
// downloads the worker screens.
import { api, rememberUser, startScreen, storedUser } from './api.js';
import { currentLang, setLang, t } from './i18n.js';
import { failed, h, show } from './ui.js';
import { claimSaved, forgetSaved, handOver, startOffline } from './offline.js';
import { applyTextSize, textSizeSwitch } from './reach.js';

const NAV = {
  worker: [['#/radar', 'nav_radar'], ['#/orders', 'nav_orders'], ['#/inbox', 'nav_inbox'], ['#/profile', 'nav_profile']],
  employer: [['#/e/jobs', 'nav_jobs'], ['#/e/post', 'nav_post'], ['#/e/orders', 'nav_orders'], ['#/inbox', 'nav_inbox']],
  staff: [['#/s', 'nav_console'], ['#/s/no-shows', 'nav_objections', '#/s/objections'], ['#/warnings', 'nav_warnings'], ['#/s/stations', 'nav_stations'], ['#/inbox', 'nav_inbox']],
  supervisor: [['#/sv', 'nav_board'], ['#/inbox', 'nav_inbox']],
};
NAV.admin = NAV.staff;

const HOME = { worker: '#/radar', employer: '#/e/jobs', staff: '#/s', admin: '#/admin', supervisor: '#/sv' };

// Wage cases (issue 12, js/cases.js): a tab for employers and staff; the bureau's home is the warning board
// (js/warnings.js), then its cases and figures.
NAV.employer.splice(-1, 0, ['#/cases', 'nav_cases']);
NAV.staff.splice(-1, 0, ['#/cases', 'nav_cases']);
NAV.employer.splice(-1, 0, ['#/e/pool', 'nav_pool']);  // issue 13 (js/pool.js)
// The bureau: the warning board, the console (issue 14, js/console.js: its figures link to the case figures, the
// exports and the admin log), the cases, the employers graded D (js/grade.js), the inbox: five tabs fit 360 px.
NAV.supervisor = [['#/sv', 'nav_board'], ['#/console', 'stats_nav'], ['#/cases', 'nav_cases'], ['#/sv/barred', 'nav_barred'], ['#/inbox', 'nav_inbox']];
// The admin's home is the back office (js/backoffice.js).
NAV.admin = [['#/admin', 'bo_nav'], ['#/console', 'stats_nav'], ['#/s', 'nav_console'], ['#/warnings', 'nav_warnings'], ['#/cases', 'nav_cases'], ['#/inbox', 'nav_inbox']];

// route pattern -> [module, export name, who may open it (empty: anyone, even signed out)]
const ROUTES = [
  [/^\/login$/, './account.js', 'login', []],
  [/^\/register$/, './account.js', 'register', []],
  [/^\/reset$/, './account.js', 'reset', []],
  [/^\/verify$/, './verify.js', 'verify', []],
  [/^\/stations$/, './stations.js', 'stations', []],
  [/^\/radar$/, './worker.js', 'radar', ['worker']],
  [/^\/job\/(\d+)$/, './share.js', 'job', []],  // a shared link: the worker's job screen, or its public view
  [/^\/orders$/, './worker.js', 'orders', ['worker']],
  [/^\/profile$/, './profile.js', 'profile', ['worker']],
  [/^\/contract\/(\d+)$/, './contract.js', 'contract', ['worker', 'employer', 'staff', 'admin']],
  [/^\/inbox$/, './inbox.js', 'inbox', ['worker', 'employer', 'staff', 'admin', 'supervisor']],
  [/^\/e\/jobs$/, './employer.js', 'myJobs', ['employer', 'staff', 'admin']],
  [/^\/e\/post$/, './employer.js', 'post', ['employer', 'staff', 'admin']],
  [/^\/e\/job\/(\d+)$/, './employer.js', 'jobDetail', ['employer', 'staff', 'admin']],
  [/^\/e\/orders$/, './employer.js', 'orders', ['employer']],
  [/^\/s$/, './station.js', 'consoleHome', ['staff', 'admin']],
  [/^\/s\/worker\/(\d+)$/, './station.js', 'walkIn', ['staff', 'admin']],
  [/^\/s\/accept\/(\d+)\/(\d+)$/, './station.js', 'acceptFor', ['staff', 'admin']],
  [/^\/s\/stations$/, './stations.js', 'stations', ['staff', 'admin']],
  [/^\/s\/no-shows$/, './noshow.js', 'objections', ['staff', 'admin']],
  [/^\/s\/objections$/, './rating_objections.js', 'ratingObjections', ['staff', 'admin']],  // issue 13
  [/^\/warnings$/, './warnings.js', 'board', ['staff', 'admin', 'supervisor']],
  [/^\/sv$/, './warnings.js', 'supervisorHome', ['supervisor']],
  [/^\/s\/worker\/(\d+)\/orders$/, './counter.js', 'walkInOrders', ['staff', 'admin']],
  [/^\/complaint\/(\d+)$/, './complaint.js', 'complaint', ['worker']],
  [/^\/cases$/, './cases.js', 'cases', ['worker', 'employer', 'staff', 'admin', 'supervisor']],
  [/^\/case\/(\d+)$/, './cases.js', 'caseDetail', ['worker', 'employer', 'staff', 'admin', 'supervisor']],
  [/^\/s\/intake$/, './complaint.js', 'intake', ['staff', 'admin']],
  [/^\/figures$/, './case_figures.js', 'figures', ['staff', 'admin', 'supervisor']],
  [/^\/cases\/(\d+)$/, './cases.js', 'caseDetail', ['worker', 'employer', 'staff', 'admin', 'supervisor']],  // the SMS link
  [/^\/admin(?:\/(stations|users|employers|trades|log))?$/, './backoffice.js', 'backoffice', ['admin', 'supervisor']],
  [/^\/password$/, './backoffice.js', 'changePassword', ['worker', 'employer', 'staff', 'admin', 'supervisor']],
  [/^\/exports$/, './exports.js', 'exportsScreen', ['supervisor', 'admin']],
  [/^\/e\/pool$/, './pool.js', 'pool', ['employer']],  // issue 13: the pool, invitations and alerts
  [/^\/alerts$/, './alerts.js', 'alertSettings', ['worker']],
  [/^\/console$/, './console.js', 'console_', ['supervisor', 'admin']],
  // credit grades (issue 13, js/grade.js)
  [/^\/grade$/, './grade.js', 'myGrade', ['employer']],
  [/^\/sv\/grade\/(\d+)$/, './grade.js', 'employerGrade', ['staff', 'admin', 'supervisor']],
  [/^\/sv\/barred$/, './grade.js', 'barredList', ['admin', 'supervisor']],
  // training courses and suggestions (issue 14, js/courses.js)
  [/^\/courses$/, './courses.js', 'courses', ['worker', 'employer', 'staff', 'admin', 'supervisor']],
  [/^\/course\/(new|\d+)(?:\/edit)?$/, './courses.js', 'courseEdit', ['staff', 'admin']],
];

function drawShell() {
  const user = storedUser();
  document.documentElement.lang = currentLang();
  const lang = document.getElementById('lang');
  lang.textContent = currentLang() === 'en' ? '中文' : 'EN';
  lang.setAttribute('aria-label', t('switch_to'));
  lang.setAttribute('lang', currentLang() === 'en' ? 'zh-CN' : 'en');
  document.querySelector('.skip').textContent = t('skip');
  document.querySelector('.brand').textContent = t('app');
  document.getElementById('who').textContent = user ? user.name : '';
  const out = document.getElementById('logout');
  out.hidden = !user;
  out.textContent = t('logout');
  const nav = document.getElementById('nav');
  const items = user ? NAV[user.role] || [] : [];
  nav.hidden = !items.length;
  nav.setAttribute('aria-label', t('app'));
  const path = location.hash.split('?')[0];
  // a tab's third element is another screen it stands for (the objections tab: no-shows and ratings)
  nav.replaceChildren(...items.map(([href, key, also]) => h('a', {
    href, 'aria-current': path === href || path === also || (href !== '#/s' && path.startsWith(href)) ? 'page' : null,
  }, t(key))));
  document.body.classList.toggle('wide', !!user && ['staff', 'admin', 'supervisor'].includes(user.role));
  document.getElementById('offline').textContent = t('offline');
  applyTextSize();
}

let generation = 0;
async function route() {
  const mine = ++generation;
  startScreen();
  const user = storedUser();
  const [path, query] = location.hash.slice(1).split('?');
  if (!path || path === '/') {
    location.replace(user ? HOME[user.role] || '#/login' : '#/login');
    return;
  }
  drawShell();
  const hit = ROUTES.map(([re, mod, name, roles]) => [path.match(re), mod, name, roles]).find(([m]) => m);
  if (!hit) { show(t('unknown_route'), failed({ detail: t('unknown_route') })); return; }
  const [match, mod, name, roles] = hit;
  if (roles.length && !user) { location.replace(`#/login?next=${encodeURIComponent(path)}`); return; }
  if (roles.length && !roles.includes(user.role)) { location.replace(HOME[user.role] || '#/login'); return; }
  if (user && user.must_change_password && path !== '/password') { location.replace('#/password'); return; }
  try {
    const screen = (await import(mod))[name];
    if (mine !== generation) return;
    await screen({ params: match.slice(1), query: new URLSearchParams(query || ''), user, home: HOME });
  } catch (err) {
    if (mine === generation) show(t('internal_error'), failed(err, route));
  }
}

export async function signedIn(user, next, firstPage = null) {
  await claimSaved(user.id);
  rememberUser(user);
  if (firstPage && !next) handOver('radar', firstPage); // came with the login answer: no round trip for it
  location.hash = user.must_change_password ? '#/password' : next || HOME[user.role] || '#/';
}

export async function signOut() {
  try { await api('/api/auth/logout', { method: 'POST' }); } finally {
    forgetSaved();
    rememberUser(null);
    location.hash = '#/login';
  }
}

function online() { document.getElementById('offline').hidden = navigator.onLine; }

document.getElementById('logout').addEventListener('click', async (event) => {
  const button = event.currentTarget;
  button.disabled = true;
  button.textContent = t('logging_out');
  try { await signOut(); } finally { button.disabled = false; }
});
document.getElementById('lang').addEventListener('click', () => {
  setLang(currentLang() === 'en' ? 'zh-CN' : 'en');
  route();
});
window.addEventListener('hashchange', route);
window.addEventListener('online', online);
window.addEventListener('offline', online);
online();
textSizeSwitch();
startOffline();
route();
