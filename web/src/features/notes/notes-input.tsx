import { type ChangeEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api';
import { ErrorMessage } from '../../components/feedback';
import { type NoteLanguage, notesApi, type TranscribeProgress, type TranscribeResult } from './notes-api';

export type InputLanguage = 'auto' | NoteLanguage;

/** Largest transcript text file read into the box (the server caps the transcript too). */
const TEXT_FILE_MAX = 2_000_000;
/** The server accepts audio up to 100 MB. */
const AUDIO_MAX = 100 * 1024 * 1024;

const CJK = /[\u3400-\u9fff]/g;

/** `zh` when at least a fifth of the letters are Chinese characters — what the server detects too. */
export function guessLanguage(text: string, fallback: NoteLanguage): NoteLanguage {
  const letters = text.replace(/[\s\d\p{P}]/gu, '').length;
  if (letters === 0) return fallback;
  return (text.match(CJK)?.length ?? 0) / letters >= 0.2 ? 'zh' : 'en';
}

const SPEAKER_PREFIX: Record<NoteLanguage, Record<'doctor' | 'patient', string>> = {
  zh: { doctor: '医生：', patient: '患者：' },
  en: { doctor: 'Doctor: ', patient: 'Patient: ' },
};

/**
 * A transcription as lines for the box: "Doctor: …" / "患者：…" when the recognizer told the
 * speakers apart, else its plain text (the clinician adds the turns).
 */
export function transcriptText(result: TranscribeResult): string {
  const { turns, language } = result.transcript;
  if (!turns.some((turn) => turn.speaker !== 'other')) return result.text;
  return turns.map((turn) => (turn.speaker === 'other' ? turn.text : `${SPEAKER_PREFIX[language][turn.speaker]}${turn.text}`)).join('\n');
}

/**
 * Where the consultation comes in: typed or pasted text (with buttons that start a doctor's or a
 * patient's turn), a .txt file, or audio — a file or the microphone — sent for transcription
 * with its progress shown; the transcript then fills the box for checking.
 */
export function TranscriptInput({
  text,
  onTextChange,
  inputLanguage,
  disabled,
}: {
  text: string;
  onTextChange: (text: string) => void;
  inputLanguage: InputLanguage;
  disabled: boolean;
}) {
  const { t, i18n } = useTranslation();
  const areaRef = useRef<HTMLTextAreaElement>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  const speakerLanguage: NoteLanguage =
    inputLanguage === 'auto' ? guessLanguage(text, i18n.language.startsWith('zh') ? 'zh' : 'en') : inputLanguage;

  const startTurn = (speaker: 'doctor' | 'patient') => {
    const prefix = SPEAKER_PREFIX[speakerLanguage][speaker];
    const base = text.replace(/[ \t]+$/, '');
    const next = base === '' ? prefix : `${base}${base.endsWith('\n') ? '' : '\n'}${prefix}`;
    onTextChange(next);
    requestAnimationFrame(() => {
      const area = areaRef.current;
      if (!area) return;
      area.focus();
      area.setSelectionRange(next.length, next.length);
      area.scrollTop = area.scrollHeight;
    });
  };

  const readTextFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    setFileError(null);
    if (!file) return;
    if (file.size > TEXT_FILE_MAX) {
      setFileError(t('notes.fileTooLarge'));
      return;
    }
    file.text().then(onTextChange, () => setFileError(t('notes.fileUnreadable')));
  };

  return (
    <div className="transcript-input">
      <label htmlFor="notes-transcript" className="visually-hidden">
        {t('notes.transcriptLabel')}
      </label>
      <textarea
        id="notes-transcript"
        ref={areaRef}
        rows={14}
        value={text}
        disabled={disabled}
        placeholder={t('notes.transcriptPlaceholder')}
        onChange={(e) => onTextChange(e.target.value)}
        data-testid="notes-transcript"
      />
      <div className="toolbar transcript-tools">
        <button
          type="button"
          className="button button-small"
          disabled={disabled}
          onClick={() => startTurn('doctor')}
          data-testid="notes-turn-doctor"
        >
          + {t('notes.doctorTurn')}
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={disabled}
          onClick={() => startTurn('patient')}
          data-testid="notes-turn-patient"
        >
          + {t('notes.patientTurn')}
        </button>
        <label className={`button button-small button-quiet file-button ${disabled ? 'is-disabled' : ''}`}>
          {t('notes.uploadText')}
          <input
            type="file"
            accept=".txt,text/plain"
            className="visually-hidden"
            disabled={disabled}
            onChange={readTextFile}
            data-testid="notes-upload-text"
          />
        </label>
        <span className="muted small">{t('notes.length', { count: text.length })}</span>
      </div>
      {fileError && (
        <p className="alert alert-error" role="alert">
          {fileError}
        </p>
      )}
      <AudioInput
        disabled={disabled}
        language={inputLanguage === 'auto' ? undefined : inputLanguage}
        onTranscript={(result) => onTextChange(transcriptText(result))}
      />
    </div>
  );
}

type Recording = { recorder: MediaRecorder; stream: MediaStream; startedAt: number };

function AudioInput({
  disabled,
  language,
  onTranscript,
}: {
  disabled: boolean;
  language: NoteLanguage | undefined;
  onTranscript: (result: TranscribeResult) => void;
}) {
  const { t } = useTranslation();
  const [recording, setRecording] = useState<Recording | null>(null);
  const [elapsed, setElapsed] = useState(0);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<TranscribeProgress | null>(null);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [done, setDone] = useState(false);
  const abortRef = useRef<AbortController | null>(null);
  const canRecord = typeof window !== 'undefined' && 'MediaRecorder' in window && !!navigator.mediaDevices?.getUserMedia;

  useEffect(() => {
    if (!recording) return;
    const timer = window.setInterval(() => setElapsed(Math.round((Date.now() - recording.startedAt) / 1000)), 500);
    return () => window.clearInterval(timer);
  }, [recording]);

  // Leaving the page stops the microphone and any upload in flight.
  useEffect(
    () => () => {
      abortRef.current?.abort();
    },
    [],
  );
  useEffect(
    () => () => {
      if (recording) {
        if (recording.recorder.state !== 'inactive') recording.recorder.stop();
        for (const track of recording.stream.getTracks()) track.stop();
      }
    },
    [recording],
  );

  const transcribe = (audio: Blob, name: string) => {
    if (audio.size > AUDIO_MAX) {
      setError(new Error(t('notes.audioTooLarge')));
      return;
    }
    const abort = new AbortController();
    abortRef.current = abort;
    setBusy(true);
    setDone(false);
    setError(null);
    setProgress(null);
    let result: TranscribeResult | null = null;
    notesApi
      .transcribe(
        audio,
        name,
        language,
        (message) => {
          if (message.event === 'progress') setProgress(message.data as TranscribeProgress);
          else if (message.event === 'result') result = message.data as TranscribeResult;
        },
        abort.signal,
      )
      .then(
        () => {
          if (result) {
            onTranscript(result);
            setDone(true);
          } else {
            setError(new Error(t('notes.noTranscript')));
          }
        },
        (failure: unknown) => {
          if (!abort.signal.aborted) setError(failure instanceof Error ? failure : new Error(String(failure)));
        },
      )
      .finally(() => setBusy(false));
  };

  const startRecording = async () => {
    setError(null);
    setDone(false);
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      const type = MediaRecorder.isTypeSupported('audio/webm') ? 'audio/webm' : '';
      const recorder = new MediaRecorder(stream, type ? { mimeType: type } : undefined);
      const chunks: Blob[] = [];
      recorder.ondataavailable = (e) => {
        if (e.data.size > 0) chunks.push(e.data);
      };
      recorder.onstop = () => {
        for (const track of stream.getTracks()) track.stop();
        setRecording(null);
        const blob = new Blob(chunks, { type: recorder.mimeType || 'audio/webm' });
        if (blob.size > 0) transcribe(blob, 'recording.webm');
      };
      recorder.start(1000);
      setElapsed(0);
      setRecording({ recorder, stream, startedAt: Date.now() });
    } catch {
      setError(new Error(t('notes.micDenied')));
    }
  };

  const pickAudio = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) transcribe(file, file.name);
  };

  const percent = progress && progress.chunks > 0 ? Math.round((100 * progress.chunk) / progress.chunks) : null;
  return (
    <div className="audio-input" data-testid="notes-audio">
      <div className="toolbar">
        <span className="small muted">{t('notes.audio')}</span>
        <label className={`button button-small file-button ${disabled || busy || recording ? 'is-disabled' : ''}`}>
          {t('notes.uploadAudio')}
          <input
            type="file"
            accept="audio/*,.wav,.mp3,.webm,.ogg,.m4a"
            className="visually-hidden"
            disabled={disabled || busy || !!recording}
            onChange={pickAudio}
            data-testid="notes-upload-audio"
          />
        </label>
        {canRecord &&
          (recording ? (
            <button
              type="button"
              className="button button-small button-danger"
              onClick={() => recording.recorder.stop()}
              data-testid="notes-record-stop"
            >
              ■ {t('notes.stopRecording', { seconds: elapsed })}
            </button>
          ) : (
            <button
              type="button"
              className="button button-small"
              disabled={disabled || busy}
              onClick={() => void startRecording()}
              data-testid="notes-record"
            >
              ● {t('notes.record')}
            </button>
          ))}
      </div>
      {recording && (
        <p className="small recording-line" role="status" aria-live="polite">
          <span className="recording-dot" aria-hidden="true" /> {t('notes.recording')}
        </p>
      )}
      {busy && (
        <div className="transcribe-progress" role="status" aria-live="polite" data-testid="notes-transcribe-progress">
          <progress max={100} value={percent ?? undefined} />
          <span className="small">
            {progress ? t('notes.transcribingChunk', { chunk: progress.chunk, chunks: progress.chunks }) : t('notes.transcribing')}
          </span>
        </div>
      )}
      {done && !busy && (
        <p className="small muted" data-testid="notes-transcribed">
          {t('notes.transcribed')}
        </p>
      )}
      {error && !busy && <ErrorMessage error={error} />}
    </div>
  );
}
