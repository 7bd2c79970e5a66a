/**
 * A short two-tone beep generated in the browser (Web Audio: no audio file is downloaded) when a
 * new emergency arrives, and the per-browser mute preference that the settings page toggles.
 */

const MUTE_KEY = 'suwen.alertSound.muted';

export function alertSoundMuted(): boolean {
  try {
    return window.localStorage.getItem(MUTE_KEY) === '1';
  } catch {
    return false;
  }
}

export function setAlertSoundMuted(muted: boolean): void {
  try {
    if (muted) window.localStorage.setItem(MUTE_KEY, '1');
    else window.localStorage.removeItem(MUTE_KEY);
  } catch {
    // Storage refused (private mode): the choice lasts for this page only.
  }
}

type AudioContextClass = typeof AudioContext;

let context: AudioContext | null = null;

/** Plays the beep unless muted; returns whether it played (browsers may refuse before a user gesture). */
export function playAlertBeep(options: { force?: boolean } = {}): boolean {
  if (!options.force && alertSoundMuted()) return false;
  const Ctor = (window.AudioContext ?? (window as unknown as { webkitAudioContext?: AudioContextClass }).webkitAudioContext) as
    | AudioContextClass
    | undefined;
  if (!Ctor) return false;
  try {
    context ??= new Ctor();
    void context.resume().catch(() => undefined);
    const start = context.currentTime;
    for (const [offset, frequency] of [
      [0, 880],
      [0.22, 660],
    ] as const) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.25, start + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.18);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start + offset);
      oscillator.stop(start + offset + 0.2);
    }
    return true;
  } catch {
    return false;
  }
}
