// Acts that change money or state ask first, in the page (a modal <dialog>, not the browser's own box), then say
// what happened in a toast: 确认完工, 已付工钱, cancelling, a no-show.
import { t } from './i18n.js';
import { busy, h, toast } from './ui.js';

/** Ask `question`; resolves true when the person taps `ok` (default 确定), false on cancel or Escape. */
export function ask(question, { ok = t('confirm_ok'), detail } = {}) {
  return new Promise((resolve) => {
    const yes = h('button', { type: 'button', class: 'primary', value: 'ok' }, ok);
    const no = h('button', { type: 'button', value: 'no' }, t('cancel'));
    const dialog = h('dialog', { class: 'ask', 'aria-labelledby': 'ask-q' },
      h('p', { id: 'ask-q', class: 'question' }, question), detail ? h('p', { class: 'hint' }, detail) : null,
      h('div', { class: 'actions' }, yes, no));
    const finish = (answer) => { dialog.close(); dialog.remove(); resolve(answer); };
    yes.addEventListener('click', () => finish(true));
    no.addEventListener('click', () => finish(false));
    dialog.addEventListener('cancel', (event) => { event.preventDefault(); finish(false); });
    document.body.append(dialog);
    dialog.showModal();
    no.focus();
  });
}

/**
 * A click handler for `button`: ask `question`, then run `action` with the button busy, then toast `done`.
 * A failure is shown as a toast and changes nothing on the screen.
 */
export function confirmed(button, { question, ok, detail, done }, action) {
  return async () => {
    if (!(await ask(question, { ok, detail }))) return;
    const restore = busy(button);
    try {
      await action();
      if (done) toast(done);
    } catch (err) {
      toast(err.detail || t('internal_error'));
    } finally {
      restore();
    }
  };
}
