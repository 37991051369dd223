// Lighthouse (mobile) on the pages of every role (signed out, the demo worker, employer and station staff);
// prints one JSON line per page.
// Run by bench/lighthouse.sh, which installs lighthouse from npm into a temporary directory and copies this there.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';

const base = process.env.BASE;
const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH || '/usr/bin/chromium', chromeFlags: flags });
const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });

async function audit(name, hash) {
  const result = await lighthouse(`${base}/${hash}`, { port: chrome.port, output: 'json', logLevel: 'error',
    disableStorageReset: true, onlyCategories: ['performance', 'accessibility', 'best-practices'] });
  const { categories, audits } = result.lhr;
  const failing = Object.values(audits).filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode === 'binary').map((a) => a.id);
  console.log(JSON.stringify({
    page: name,
    performance: Math.round(categories.performance.score * 100),
    accessibility: Math.round(categories.accessibility.score * 100),
    best_practices: Math.round(categories['best-practices'].score * 100),
    transferred_kb: +(audits['total-byte-weight'].numericValue / 1024).toFixed(1),
    requests: audits['network-requests']?.details?.items?.length ?? null,  // not every Lighthouse has this audit
    fcp_ms: Math.round(audits['first-contentful-paint'].numericValue),
    lcp_ms: Math.round(audits['largest-contentful-paint'].numericValue),
    failing,
  }));
}

async function signIn(phone, home) {
  const page = await browser.newPage();
  await page.goto(`${base}/#/login`);
  await page.waitForSelector('input[name=phone]');
  await page.type('input[name=phone]', phone);
  await page.type('input[name=password]', 'linggong-demo');
  await Promise.all([page.waitForFunction((h) => location.hash === h, {}, home), page.click('form button[type=submit]')]);
  return page;
}

try {
  await audit('login (signed out)', '#/login');
  await audit('stations (signed out)', '#/stations');
  let page = await signIn(process.env.PHONE || '13800000001', '#/radar');
  const firstJob = await page.$eval('ul.cards a', (a) => a.getAttribute('href')).catch(() => '#/radar');
  await page.close();
  for (const [name, hash] of [['radar', '#/radar'], ['job', firstJob], ['orders', '#/orders'], ['profile', '#/profile'], ['inbox', '#/inbox']]) {
    await audit(name, hash);
  }
  page = await signIn('13800000002', '#/e/jobs');
  const myJob = await page.$eval('ul.cards a', (a) => a.getAttribute('href')).catch(() => '#/e/jobs');
  await page.close();
  for (const [name, hash] of [['employer jobs', '#/e/jobs'], ['employer job', myJob], ['employer post', '#/e/post'], ['employer orders', '#/e/orders']]) {
    await audit(name, hash);
  }
  page = await signIn('13800000003', '#/s');
  const walkIn = await page.evaluate(async () => {
    const stations = await (await fetch('/api/stations?limit=1')).json();
    const s = stations.items[0];
    localStorage.setItem('lg.station', JSON.stringify({ id: s.id, name: s.name, lat: s.lat, lon: s.lon, address: s.address }));
    const answer = await fetch('/api/walk-ins', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ phone: `139${Math.floor(10000000 + Math.random() * 89999999)}`, name: '灯塔测试',
        skills: [{ name: '普工', years: 2, certified: false }], location: { lat: s.lat, lon: s.lon, address: s.address } }) });
    return (await answer.json()).id;
  });
  await page.close();
  for (const [name, hash] of [['staff console', '#/s'], ['staff walk-in', `#/s/worker/${walkIn}`],
    ['staff walk-in orders', `#/s/worker/${walkIn}/orders`], ['staff no-shows', '#/s/no-shows'], ['staff stations', '#/s/stations']]) {
    await audit(name, hash);
  }
  // The labour bureau (supervisor) and the back office (admin): the screens of issues 12–14.
  page = await signIn('13800000004', '#/sv');
  await page.close();
  for (const [name, hash] of [['bureau board', '#/sv'], ['bureau console', '#/console'], ['bureau cases', '#/cases'],
    ['bureau D list', '#/sv/barred'], ['bureau exports', '#/exports']]) {
    await audit(name, hash);
  }
  page = await signIn('13800000005', '#/admin');
  await page.close();
  for (const [name, hash] of [['admin back office', '#/admin'], ['admin accounts', '#/admin/users'], ['admin log', '#/admin/log']]) {
    await audit(name, hash);
  }
} finally {
  await browser.disconnect();
  await chrome.kill();
}
