import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { Card } from '../../components/feedback';
import { type DeidOperator, type DeidResult, deidApi, type PhiFinding } from './deid-api';

const OPERATORS: DeidOperator[] = ['tag', 'mask', 'redact', 'hash', 'surrogate'];

/** Paste text, see each identifier highlighted by type with why it was found, and the result. */
export function DeidPage() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [language, setLanguage] = useState<'zh' | 'en' | 'auto'>('auto');
  const [operator, setOperator] = useState<DeidOperator>('tag');
  const [result, setResult] = useState<{ input: string; output: DeidResult } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult({ input: text, output: await deidApi.deid(text, language, operator) });
    } catch (caught) {
      setError(caught instanceof ApiError || caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page" data-testid="deid-page">
      <div className="page-header">
        <h1>{t('deid.title')}</h1>
        <p className="muted">{t('deid.intro')}</p>
      </div>
      <Card title={t('deid.input')}>
        <form
          className="deid-form"
          onSubmit={(event) => {
            event.preventDefault();
            void run();
          }}
        >
          <textarea
            className="input deid-input"
            rows={8}
            value={text}
            onChange={(event) => setText(event.target.value)}
            aria-label={t('deid.input')}
            data-testid="deid-input"
          />
          <div className="deid-controls">
            <label>
              {t('deid.language')}{' '}
              <select className="input" value={language} onChange={(event) => setLanguage(event.target.value as 'zh' | 'en' | 'auto')}>
                <option value="auto">{t('deid.languageAuto')}</option>
                <option value="zh">中文</option>
                <option value="en">English</option>
              </select>
            </label>
            <label>
              {t('deid.operator')}{' '}
              <select
                className="input"
                value={operator}
                onChange={(event) => setOperator(event.target.value as DeidOperator)}
                data-testid="deid-operator"
              >
                {OPERATORS.map((op) => (
                  <option key={op} value={op}>
                    {t(`deid.operators.${op}`)}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="button button-quiet" onClick={() => setText(t('deid.sampleText'))}>
              {t('deid.sample')}
            </button>
            <button type="submit" className="button" disabled={busy || text.trim() === ''} data-testid="deid-run">
              {busy ? t('deid.running') : t('deid.run')}
            </button>
          </div>
          {error && (
            <p className="alert alert-error" role="alert">
              {error}
            </p>
          )}
        </form>
      </Card>
      {result && (
        <>
          <Card title={t('deid.findings')} testId="deid-findings">
            <p className="muted small">{t('deid.timing', { count: result.output.findings.length, ms: result.output.ms })}</p>
            {result.output.findings.length === 0 ? (
              <p>{t('deid.none')}</p>
            ) : (
              <Highlighted text={result.input} findings={result.output.findings} />
            )}
            <p className="muted small">{t('deid.draftNote')}</p>
          </Card>
          <Card title={t('deid.output')} testId="deid-output">
            <pre className="deid-output">{result.output.text}</pre>
          </Card>
        </>
      )}
    </div>
  );
}

function Highlighted({ text, findings }: { text: string; findings: PhiFinding[] }) {
  const { t } = useTranslation();
  const pieces: ReactElement[] = [];
  let cursor = 0;
  for (const f of findings) {
    if (f.start < cursor) continue;
    if (f.start > cursor) pieces.push(<span key={`t${cursor}`}>{text.slice(cursor, f.start)}</span>);
    const explanation = [
      t('deid.explain', { type: t(`deid.types.${f.type}`), score: f.score.toFixed(2), recognizer: f.recognizer, pattern: f.pattern }),
      f.context.length ? t('deid.context', { words: f.context.join(', ') }) : '',
    ]
      .filter(Boolean)
      .join(' — ');
    pieces.push(
      <mark key={`f${f.start}`} className={`phi phi-${f.type.toLowerCase()}`} title={explanation} data-testid="phi-mark" data-type={f.type}>
        {text.slice(f.start, f.end)}
        <span className="phi-label">{t(`deid.types.${f.type}`)}</span>
      </mark>,
    );
    cursor = f.end;
  }
  if (cursor < text.length) pieces.push(<span key="end">{text.slice(cursor)}</span>);
  return <p className="deid-highlighted">{pieces}</p>;
}
