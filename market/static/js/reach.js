// Reach: a larger-text setting (remembered on the phone, a class on <html> that raises the root font size) and a
// 朗读 button that reads a job's details aloud with the phone's own speech, shown only where a voice exists.
import { currentLang, payText, span, t } from './i18n.js';
import { h } from './ui.js';

const BIG_KEY = 'lg.bigText';

export function bigText() { return localStorage.getItem(BIG_KEY) === '1'; }

/** Apply the remembered text size to the page (call once at start and after a change). */
export function applyTextSize() {
  document.documentElement.classList.toggle('big-text', bigText());
  const button = document.getElementById('textsize');
  if (button) {
    button.setAttribute('aria-pressed', String(bigText()));
    button.setAttribute('aria-label', t('big_text'));
    button.textContent = t('big_text_short');
  }
}

/** The header's 大字 switch: inserted once, before the language switch. */
export function textSizeSwitch() {
  if (document.getElementById('textsize')) return;
  const button = h('button', { id: 'textsize', class: 'lang', type: 'button' });
  button.addEventListener('click', () => {
    localStorage.setItem(BIG_KEY, bigText() ? '0' : '1');
    applyTextSize();
  });
  document.getElementById('lang').before(button);
  applyTextSize();
}

/** A voice of the phone for the app's language (zh-CN or en), or null. */
export function voiceFor(lang = currentLang()) {
  const synth = window.speechSynthesis;
  if (!synth || typeof window.SpeechSynthesisUtterance !== 'function') return null;
  const prefix = lang === 'en' ? 'en' : 'zh';
  const voices = synth.getVoices() || [];
  return voices.find((v) => v.lang && v.lang.replace('_', '-') === (lang === 'en' ? 'en-US' : 'zh-CN'))
    || voices.find((v) => v.lang && v.lang.toLowerCase().startsWith(prefix)) || null;
}

/** What the 朗读 button says about a job, in the app's language. */
export function jobSpeech(job) {
  return [job.title, payText(job.pay), span(job.starts_at, job.ends_at), t('where'), job.location.address,
    t('employer'), job.employer.name, job.skills.length ? `${t('skills_needed')} ${job.skills.join('、')}` : '',
    t('filled_of', { f: job.filled, h: job.headcount })].filter(Boolean).join('。');
}

/** The 朗读 button for a job: hidden until (and unless) the phone has a voice for the language. */
export function speakButton(job) {
  const button = h('button', { type: 'button', class: 'speak', hidden: true, 'aria-pressed': 'false' }, t('read_aloud'));
  const synth = window.speechSynthesis;
  const ready = () => { button.hidden = !voiceFor(); };
  if (synth) {
    ready();
    synth.addEventListener?.('voiceschanged', ready);
  }
  button.addEventListener('click', () => {
    if (synth.speaking) {
      synth.cancel();
      button.setAttribute('aria-pressed', 'false');
      return;
    }
    const words = new window.SpeechSynthesisUtterance(jobSpeech(job));
    words.voice = voiceFor();
    words.lang = currentLang() === 'en' ? 'en-US' : 'zh-CN';
    words.rate = 0.9;
    words.onend = () => button.setAttribute('aria-pressed', 'false');
    button.setAttribute('aria-pressed', 'true');
    synth.speak(words);
  });
  window.addEventListener('hashchange', () => synth && synth.cancel(), { once: true });
  return button;
}
