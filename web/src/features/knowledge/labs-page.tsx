import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckError } from '../../components/check-error';
import { Card } from '../../components/feedback';
import { LabInterpretationView } from '../../components/lab-interpretation-view';
import { AgeField, SexField } from '../../components/patient-fields';
import { type InterpretLabsInput, knowledgeApi, type LabInterpretation, type LabResultInput } from './knowledge-api';
import { parseLabLines } from './lab-lines';

interface Row {
  key: number;
  test: string;
  value: string;
  unit: string;
}

let nextKey = 1;
const row = (r: Partial<Omit<Row, 'key'>> = {}): Row => ({ key: nextKey++, test: '', value: '', unit: '', ...r });

const SAMPLE = 'Na 128 mmol/L\nK 6.3 mmol/L\n肌酐 2.1 mg/dL\nHb 92 g/L\nFerritin 8 ng/mL\n血糖 2.9 mmol/L';

/** `#/labs`: type or paste results and see each flagged against its cited range, with patterns. */
export function LabsPage() {
  const { t } = useTranslation();
  const [rows, setRows] = useState<Row[]>(() => [row(), row(), row()]);
  const [paste, setPaste] = useState('');
  const [skipped, setSkipped] = useState<string[]>([]);
  const [sex, setSex] = useState<'' | 'M' | 'F'>('');
  const [age, setAge] = useState('');
  const [result, setResult] = useState<LabInterpretation | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);

  const setRow = (key: number, change: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...change } : r)));

  const readPaste = () => {
    const parsed = parseLabLines(paste);
    setSkipped(parsed.skipped);
    if (parsed.results.length === 0) return;
    const filled = rows.filter((r) => r.test.trim() !== '' || r.value.trim() !== '');
    setRows([...filled, ...parsed.results.map((r) => row({ test: r.test, value: String(r.value), unit: r.unit ?? '' }))]);
    setPaste('');
  };

  const run = async () => {
    const results: LabResultInput[] = rows
      .filter((r) => r.test.trim() !== '' && r.value.trim() !== '')
      .map((r) => ({ test: r.test.trim(), value: Number(r.value.replace(',', '.')), ...(r.unit.trim() ? { unit: r.unit.trim() } : {}) }));
    if (results.length === 0) {
      setError(new Error(t('labs.needOne')));
      return;
    }
    const body: InterpretLabsInput = { ...(sex ? { sex } : {}), ...(age.trim() ? { age: Number(age) } : {}), results };
    setBusy(true);
    setError(null);
    try {
      setResult(await knowledgeApi.interpretLabs(body));
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page" data-testid="labs-page">
      <div className="page-header">
        <h1>{t('labs.title')}</h1>
        <p className="muted">{t('labs.intro')}</p>
      </div>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <Card title={t('labs.entries')} testId="lab-entries">
          <div className="form-grid form-grid-2">
            <SexField value={sex} onChange={setSex} testId="lab-sex" />
            <AgeField value={age} onChange={setAge} testId="lab-age" />
          </div>
          <div className="lab-rows">
            {rows.map((r, i) => (
              <fieldset key={r.key} className="lab-row" data-testid="lab-row-input">
                <legend className="visually-hidden">{t('labs.rowLabel', { n: i + 1 })}</legend>
                <label className="field">
                  <span className="field-label">{t('labs.test')}</span>
                  <input
                    type="text"
                    value={r.test}
                    placeholder="Cr / 肌酐"
                    onChange={(e) => setRow(r.key, { test: e.target.value })}
                    data-testid={`lab-test-${i}`}
                  />
                </label>
                <label className="field">
                  <span className="field-label">{t('labs.value')}</span>
                  <input
                    type="text"
                    inputMode="decimal"
                    value={r.value}
                    onChange={(e) => setRow(r.key, { value: e.target.value })}
                    data-testid={`lab-value-${i}`}
                  />
                </label>
                <label className="field">
                  <span className="field-label">{t('labs.unit')}</span>
                  <input
                    type="text"
                    value={r.unit}
                    placeholder="µmol/L"
                    onChange={(e) => setRow(r.key, { unit: e.target.value })}
                    data-testid={`lab-unit-${i}`}
                  />
                </label>
                <button
                  type="button"
                  className="button button-small button-quiet med-remove"
                  aria-label={t('labs.remove', { n: i + 1 })}
                  onClick={() => setRows((rs) => (rs.length > 1 ? rs.filter((x) => x.key !== r.key) : [row()]))}
                >
                  ×
                </button>
              </fieldset>
            ))}
          </div>
          <button type="button" className="button button-small" onClick={() => setRows((rs) => [...rs, row()])}>
            + {t('labs.add')}
          </button>
          <details className="lab-paste">
            <summary>{t('labs.paste')}</summary>
            <p className="muted small">{t('labs.pasteHint')}</p>
            <textarea
              rows={5}
              value={paste}
              onChange={(e) => setPaste(e.target.value)}
              aria-label={t('labs.paste')}
              data-testid="lab-paste"
            />
            <div className="button-row">
              <button type="button" className="button button-small" onClick={readPaste} data-testid="lab-paste-read">
                {t('labs.pasteRead')}
              </button>
              <button type="button" className="button button-small button-quiet" onClick={() => setPaste(SAMPLE)}>
                {t('deid.sample')}
              </button>
            </div>
            {skipped.length > 0 && <p className="alert alert-warning small">{t('labs.skipped', { lines: skipped.join(' | ') })}</p>}
          </details>
        </Card>
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy} data-testid="lab-interpret">
            {busy ? t('labs.interpreting') : t('labs.interpret')}
          </button>
        </div>
        {error && <CheckError error={error} />}
      </form>
      {result && (
        <Card title={t('labs.resultTitle')} testId="lab-result-card">
          <LabInterpretationView interpretation={result} />
        </Card>
      )}
    </div>
  );
}
