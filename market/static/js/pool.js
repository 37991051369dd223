// The employer's pool (熟手, issue 13): workers who completed a job for them, each with their trades, the last job
// together and a phone (in full only while an order joins them); remove, or rehire = invite to one of their open
// jobs. Also the small pieces other screens use: "invite" on a candidate, "add to pool" on a finished order.
import { api } from './api.js';
import { callButton } from './places.js';
import { confirmed } from './confirm.js';
import { t, when } from './i18n.js';
import { act, busy, empty, failed, h, loading, show, toast } from './ui.js';

const DONE = ['completed', 'paid', 'confirmed'];

/** Invite `workerId` to job `jobId`; says so in a toast, or why not (the server's words). */
async function invite(jobId, workerId) {
  await api(`/api/jobs/${jobId}/invitations`, { method: 'POST', body: { worker_id: workerId } });
  toast(t('al_invited'));
}

/** An "invite" button for a candidate card on the employer's job screen (market/static/js/employer.js). */
export function inviteButton(jobId, workerId) {
  const button = h('button', { type: 'button', class: 'invite', dataset: { worker: workerId } }, t('al_invite'));
  button.addEventListener('click', async () => {
    const restore = busy(button);
    try {
      await invite(jobId, workerId);
      restore();
      button.disabled = true;
      button.textContent = t('al_invited_short');
    } catch (err) {
      restore();
      toast(err.detail || t('internal_error'));
    }
  });
  return button;
}

/** "Add to my pool" on an order the worker finished for this employer (null for any other order). */
export function poolButton(order) {
  if (!DONE.includes(order.status)) return null;
  const button = h('button', { type: 'button', class: 'topool' }, t('al_add_to_pool'));
  button.addEventListener('click', act(button, async () => {
    await api('/api/employers/me/pool', { method: 'POST', body: { worker_id: order.worker.id } });
    toast(t('al_added_to_pool', { n: order.worker.name }));
  }));
  return button;
}

function rehire(member, jobs) {
  if (!jobs.length) return h('p', { class: 'hint' }, t('al_no_open_jobs'));
  const id = `rehire-${member.worker_id}`;
  const select = h('select', { id, 'aria-label': t('al_pick_job', { n: member.name }) },
    ...jobs.map((job) => h('option', { value: job.id }, `${job.title} · ${when(job.starts_at)}`)));
  const button = h('button', { type: 'button', class: 'primary' }, t('al_rehire'));
  button.addEventListener('click', act(button, () => invite(Number(select.value), member.worker_id)));
  return h('div', { class: 'rehire' }, h('label', { for: id }, t('al_rehire_to')), select, button);
}

function memberCard(member, jobs, reload) {
  const remove = h('button', { type: 'button', class: 'link remove' }, t('al_remove'));
  remove.addEventListener('click', confirmed(remove, {
    question: t('al_remove_confirm', { n: member.name }), ok: t('al_remove'), done: t('al_removed'),
  }, async () => {
    await api(`/api/employers/me/pool/${member.worker_id}`, { method: 'DELETE' });
    reload();
  }));
  const last = member.last_job;
  return h('li', { class: 'card', dataset: { worker: member.worker_id } },
    h('div', { class: 'row' }, h('h2', {}, member.name), remove),
    h('p', { class: 'meta' }, ...(member.trades.length ? member.trades : [t('al_no_trades')]).map((name) => h('span', {}, name))),
    h('p', { class: 'meta' }, last ? h('span', {}, t('al_last_job', { j: last.title, d: when(last.starts_at), n: member.jobs_together })) : null),
    h('p', {}, callButton(member.phone, t('call')) || h('span', { class: 'meta' }, member.phone)),
    rehire(member, jobs));
}

export async function pool() {
  const list = h('ul', { class: 'cards' }, loading());
  show(t('al_pool_title'), h('h1', {}, t('al_pool_title')), h('p', {}, t('al_pool_intro')), list);
  const load = async () => {
    try {
      const [page, mine] = await Promise.all([api('/api/employers/me/pool?limit=100'), api('/api/jobs?mine=true&limit=100')]);
      const open = mine.items.filter((job) => job.status === 'open' && new Date(job.starts_at) > new Date());
      list.replaceChildren(...(page.items.length ? page.items.map((m) => memberCard(m, open, load)) : [empty(t('al_pool_empty'))]));
    } catch (err) { list.replaceChildren(failed(err, load)); }
  };
  await load();
}
