/**
 * Alerts for critical conversations: a short WebAudio beep and a desktop Notification. Browsers
 * allow both only after a user gesture, so `unlockAlerts()` runs on the agent's first click.
 *
 * @example
 *   document.addEventListener('click', unlockAlerts, { once: true });
 *   alertCritical('Critical conversation waiting', 'My charger caught fire');
 */

let audio: AudioContext | null = null;

/** Creates the audio context and asks for notification permission, once, inside a click. */
export function unlockAlerts(): void {
  try {
    audio ??= new AudioContext();
    void audio.resume();
  } catch {
    // No WebAudio: the notification and the red chip still alert the agent.
  }
  if (typeof Notification !== 'undefined' && Notification.permission === 'default') {
    void Notification.requestPermission().catch(() => undefined);
  }
}

/** Two short 880 Hz beeps: noticeable without being alarming in an open-plan office. */
function beep(): void {
  if (!audio || audio.state !== 'running') return;
  for (const start of [0, 0.25]) {
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.frequency.value = 880;
    gain.gain.setValueAtTime(0.15, audio.currentTime + start);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + start + 0.18);
    osc.connect(gain).connect(audio.destination);
    osc.start(audio.currentTime + start);
    osc.stop(audio.currentTime + start + 0.2);
  }
}

export function alertCritical(title: string, body: string): void {
  beep();
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  try {
    // `tag` collapses repeats; text only (Notification bodies are never rendered as HTML).
    new Notification(title, { body, tag: 'relaydesk-critical' });
  } catch {
    // Some browsers allow notifications only from a service worker; the beep still played.
  }
}
