// Sharing a job: the share button (the phone's own share sheet, else the link copied), and the page a shared link
// opens, #/job/12: a worker gets the job screen; anyone else its public view (GET /api/jobs/{id}/public, no personal
// data) with 登录/注册 buttons that come back to the job once they have an account.
import { api } from './api.js';
import { payText, span, t } from './i18n.js';
import { badge, failed, h, loading, show, toast } from './ui.js';
import { creditMark } from './grade.js';

/** The address of job `id` anyone can open. */
export function jobLink(id) {
  return `${location.origin}${location.pathname}#/job/${id}`;
}

/** A 分享 button for `job`: navigator.share where the phone has it, else the link copied (or shown to copy). */
export function shareButton(job) {
  const button = h('button', { type: 'button', class: 'share' }, t('share'));
  const spot = h('div', { class: 'sharebox', hidden: true });
  button.addEventListener('click', async () => {
    const url = jobLink(job.id);
    if (navigator.share) {
      try { await navigator.share({ title: job.title, text: `${job.title} · ${payText(job.pay)}`, url }); return; } catch (err) {
        if (err && err.name === 'AbortError') return;  // the person closed the share sheet
      }
    }
    try {
      await navigator.clipboard.writeText(url);
      toast(t('link_copied'));
    } catch {
      const box = h('input', { type: 'url', value: url, readonly: true, 'aria-label': t('share') });
      spot.replaceChildren(h('p', {}, t('share_copy_here')), box);
      spot.hidden = false;
      box.select();
    }
  });
  return h('div', { class: 'shareline' }, button, spot);
}

function loginButtons(id) {
  const next = encodeURIComponent(`/job/${id}`);
  return h('div', { class: 'actions account' },
    h('a', { class: 'button primary', href: `#/login?next=${next}` }, t('shared_login')),
    h('a', { class: 'button', href: `#/register?next=${next}` }, t('shared_register')));
}

async function publicJob(id, user) {
  show(t('job_title'), loading());
  let item;
  try {
    item = await api(`/api/jobs/${id}/public`);
  } catch (err) {
    show(t('job_title'), failed(err, () => publicJob(id, user)));
    return;
  }
  const closed = item.status === 'cancelled' ? t('shared_job_closed') : item.status === 'full' ? t('shared_job_full') : null;
  const rows = [
    [t('employer'), [item.employer.name || '—', ' ', badge(t('credit', { g: item.employer.credit_grade || '—' })), ' ', creditMark(item.employer)]],
    [t('when'), span(item.starts_at, item.ends_at)],
    [t('shared_job_area'), [item.area || '—', h('small', { class: 'hint' }, t('shared_job_area_hint'))]],
    [t('pay'), h('strong', {}, payText(item.pay))],
    [t('skills_needed'), item.skills.join('、')],
    [t('headcount'), t('filled_of', { f: item.filled, h: item.headcount })],
  ];
  show(item.title,
    h('h1', {}, item.title),
    h('p', { class: 'pay big' }, payText(item.pay)),
    closed ? h('p', { class: 'notice' }, closed) : null,
    // signing in or up is what a visitor came to do: in view at once, above the details
    user ? null : [loginButtons(item.id), h('p', { class: 'hint' }, t('shared_job_intro'))],
    h('dl', { class: 'terms' }, ...rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    item.description ? h('section', {}, h('h2', {}, t('description')), h('p', {}, item.description)) : null,
    user ? h('p', {}, h('a', { class: 'button', href: '#/' }, t('shared_go_home'))) : null,
    shareButton(item));
}

/** #/job/{id}: the worker's job screen for a worker, the public view for everyone else. */
export async function job(args) {
  if (args.user && args.user.role === 'worker') {
    const worker = await import('./worker.js');
    await worker.job(args);
    return;
  }
  await publicJob(args.params[0], args.user);
}
