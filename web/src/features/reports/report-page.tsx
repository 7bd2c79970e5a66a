import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePick } from '../../bilingual';
import { Badge, Card, ErrorMessage } from '../../components/feedback';
import { LabInterpretationView } from '../../components/lab-interpretation-view';
import { AgeField, SexField } from '../../components/patient-fields';
import { useApi } from '../../use-api';
import { type DocumentSummary, patientsApi } from '../patients/patients-api';
import { type ReportImageInterpretation, type ReportInterpretation, reportApi } from './reports-api';

type Result = ReportInterpretation | ReportImageInterpretation;
type Narrative = NonNullable<ReportInterpretation['narrative']>;

const SAMPLE_ZH = `项目\t结果\t单位\t参考范围
血红蛋白(HGB)\t98\tg/L\t130-175\t↓
白细胞计数(WBC)\t6.5\t10^9/L\t3.5-9.5
钾(K)\t6.2\tmmol/L\t3.5-5.3\t↑
钠(Na)\t138\tmmol/L\t137-147`;

/**
 * `#/report` (optionally `?patient=ID`): paste a printed report, photograph it, or pick a document
 * from the patient's chart; see the results flagged against cited ranges, a clinician summary and
 * a plain-language version for the patient. Nothing is stored.
 */
export function ReportPage({ patientId }: { patientId?: string | undefined }) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [sex, setSex] = useState<'' | 'M' | 'F'>('');
  const [age, setAge] = useState('');
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState<'text' | 'image' | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const options = () => ({
    ...(sex ? { sex } : {}),
    ...(age.trim() && Number.isFinite(Number(age)) ? { age: Number(age) } : {}),
    language: i18n.language.startsWith('zh') ? ('zh' as const) : ('en' as const),
  });

  const run = async (kind: 'text' | 'image', call: () => Promise<Result>) => {
    setBusy(kind);
    setError(null);
    try {
      setResult(await call());
    } catch (caught) {
      setResult(null);
      setError(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      setBusy(null);
    }
  };

  const onFile = (file: File | undefined) => {
    if (file) void run('image', () => reportApi.interpretImage(file, options()));
    if (fileInput.current) fileInput.current.value = '';
  };

  return (
    <div className="page" data-testid="report-page">
      <div className="page-header">
        <h1>{t('report.title')}</h1>
        <p className="muted">{t('report.intro')}</p>
      </div>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (text.trim()) void run('text', () => reportApi.interpretText(text, options()));
          else setError(new Error(t('report.needText')));
        }}
      >
        <Card title={t('report.input')} testId="report-input">
          <div className="form-grid form-grid-2">
            <SexField value={sex} onChange={setSex} testId="report-sex" />
            <AgeField value={age} onChange={setAge} testId="report-age" />
          </div>
          {patientId && <ChartDocumentPicker patientId={patientId} onText={setText} />}
          <label className="field">
            <span className="field-label">{t('report.paste')}</span>
            <textarea
              rows={9}
              value={text}
              maxLength={50_000}
              placeholder={SAMPLE_ZH}
              onChange={(e) => setText(e.target.value)}
              data-testid="report-text"
            />
          </label>
          <div className="button-row">
            <button type="submit" className="button button-primary" disabled={busy !== null} data-testid="report-interpret">
              {busy === 'text' ? t('report.reading') : t('report.interpret')}
            </button>
            <label className={`button file-button ${busy !== null ? 'is-disabled' : ''}`}>
              {busy === 'image' ? t('report.readingPhoto') : t('report.photo')}
              <input
                ref={fileInput}
                type="file"
                accept="image/png,image/jpeg,image/webp,image/*"
                capture="environment"
                className="visually-hidden"
                disabled={busy !== null}
                onChange={(e) => onFile(e.target.files?.[0])}
                data-testid="report-photo"
              />
            </label>
            <button type="button" className="button button-quiet" onClick={() => setText(SAMPLE_ZH)} data-testid="report-sample">
              {t('report.sample')}
            </button>
          </div>
          <p className="muted small">{t('report.photoHelp')}</p>
          {error && <ErrorMessage error={error} />}
        </Card>
      </form>
      {result && <ReportResult result={result} />}
    </div>
  );
}

function ChartDocumentPicker({ patientId, onText }: { patientId: string; onText: (text: string) => void }) {
  const { t } = useTranslation();
  const documents = useApi(`report-docs:${patientId}`, () => patientsApi.documents(patientId, 50, 0));
  const [error, setError] = useState<Error | null>(null);
  const items: DocumentSummary[] = documents.data?.items ?? [];
  if (documents.error) return <ErrorMessage error={documents.error} />;
  if (items.length === 0) return null;
  return (
    <label className="field">
      <span className="field-label">{t('report.fromChart')}</span>
      <select
        defaultValue=""
        data-testid="report-document"
        onChange={(e) => {
          const id = e.target.value;
          if (!id) return;
          patientsApi.document(patientId, id).then(
            (doc) => onText(doc.body),
            (caught: unknown) => setError(caught instanceof Error ? caught : new Error(String(caught))),
          );
        }}
      >
        <option value="">{t('report.chooseDocument')}</option>
        {items.map((d) => (
          <option key={d.id} value={d.id}>
            {[d.date?.slice(0, 10), d.title].filter(Boolean).join(' · ')}
          </option>
        ))}
      </select>
      {error && <ErrorMessage error={error} />}
    </label>
  );
}

function ReportResult({ result }: { result: Result }) {
  const { t } = useTranslation();
  const ocr = 'ocr' in result ? result.ocr : undefined;
  return (
    <div className="report-result" data-testid="report-result">
      <Card title={t('report.patientVersion')} testId="report-patient-summary">
        <p className="pre-wrap">{result.patientSummary}</p>
      </Card>
      {result.parsed.results.length > 0 && (
        <Card title={t('report.results', { count: result.parsed.results.length })} testId="report-results">
          <LabInterpretationView interpretation={result.interpretation} />
        </Card>
      )}
      {result.narrative && <NarrativeView narrative={result.narrative} />}
      <Card title={t('report.clinicianSummary')} testId="report-clinician-summary">
        <pre className="pre-wrap small">{result.clinicianSummary}</pre>
      </Card>
      {ocr && (
        <Card title={t('report.ocrText')} testId="report-ocr">
          <p className="muted small">{t('report.ocrHelp', { ms: ocr.ms, engine: ocr.engine })}</p>
          <pre className="pre-wrap small" data-testid="report-ocr-lines">
            {ocr.lines.join('\n')}
          </pre>
        </Card>
      )}
      {result.parsed.unparsed.length > 0 && (
        <details className="small">
          <summary>{t('report.unparsed', { count: result.parsed.unparsed.length })}</summary>
          <pre className="pre-wrap">{result.parsed.unparsed.join('\n')}</pre>
        </details>
      )}
      <p className="muted small">{t('report.disclaimer')}</p>
    </div>
  );
}

const TERM_TONE = { urgent: 'critical', malignancy: 'warning', suspicious: 'warning', 'follow-up': 'info' } as const;

function NarrativeView({ narrative }: { narrative: Narrative }) {
  const { t } = useTranslation();
  const pick = usePick();
  return (
    <Card title={t(`report.kinds.${narrative.kind}`)} testId="report-narrative">
      {narrative.sections.map((s) => (
        <div key={`${s.name}:${s.heading}`} className="report-section" data-testid="report-section" data-name={s.name}>
          <h3 className="section-title">
            {s.heading} <span className="muted small">({t(`report.sections.${s.name}`)})</span>
          </h3>
          <p className="pre-wrap">{s.text}</p>
        </div>
      ))}
      {narrative.keyTerms.length > 0 && (
        <>
          <h3 className="section-title">{t('report.keyTerms')}</h3>
          <ul className="item-list">
            {narrative.keyTerms.map((k) => (
              <li key={`${k.section}:${k.matched}:${k.sentence}`} data-testid="report-key-term" data-negated={k.negated}>
                <Badge tone={k.negated ? 'neutral' : TERM_TONE[k.category]}>{pick(k.term)}</Badge>{' '}
                <span className="small">
                  {t(`report.categories.${k.category}`)}
                  {k.negated ? ` · ${t('report.negated')}` : k.uncertain ? ` · ${t('report.uncertain')}` : ''}
                </span>
                <div className="muted small">{k.sentence}</div>
              </li>
            ))}
          </ul>
          <ul className="small muted">
            {narrative.sources.map((s) => (
              <li key={s.category}>
                {t(`report.categories.${s.category}`)}: {s.title}
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
