import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api';
import { CheckError } from '../../components/check-error';
import { ChipInput } from '../../components/chip-input';
import { DrugAutocomplete } from '../../components/drug-autocomplete';
import { Card, ErrorMessage, Loading } from '../../components/feedback';
import { AgeField, SexField } from '../../components/patient-fields';
import { href } from '../../router';
import { useApi } from '../../use-api';
import { knowledgeApi, type MedicationCheckResult } from './knowledge-api';
import { EMPTY_PATIENT, fromCheckInput, type MedicationRow, newRow, type PatientFields, toCheckInput } from './medication-form';
import { ChartContext, MedicationResults } from './medication-results';

const ROUTES = ['po', 'iv', 'im', 'sc', 'sl', 'inh', 'top', 'pr', 'td', 'in'] as const;
const FREQUENCIES = ['qd', 'bid', 'tid', 'qid', 'q6h', 'q8h', 'q12h', 'qn', 'prn', '每日1次', '每日2次', '每日3次'];

/** `#/medications` (optionally `?patient=<id>`): check a medication list for a patient. */
export function MedicationsPage({ patientId }: { patientId?: string }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<MedicationRow[]>(() => [newRow(), newRow()]);
  const [patient, setPatient] = useState<PatientFields>(EMPTY_PATIENT);
  const [result, setResult] = useState<{ output: MedicationCheckResult; rowKeys: number[] } | null>(null);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [busy, setBusy] = useState(false);
  const fromChart = useApi(patientId ? `med-check:${patientId}` : null, () => knowledgeApi.patientMedicationCheck(patientId ?? ''));

  // Opened from a chart: the chart's active medications and patient data fill the form once.
  const chartData = fromChart.data;
  useEffect(() => {
    if (!chartData) return;
    if (chartData.input) {
      const filled = fromCheckInput(chartData.input);
      setRows(filled.rows.length > 0 ? filled.rows : [newRow()]);
      setPatient(filled.patient);
      if (chartData.result) setResult({ output: chartData.result, rowKeys: filled.rows.map((r) => r.key) });
    } else {
      setPatient((p) => ({
        ...p,
        age: chartData.context.age === null ? '' : String(chartData.context.age),
        sex: chartData.context.sex ?? '',
        egfr: chartData.context.egfr ? String(chartData.context.egfr.value) : '',
        crcl: chartData.context.crcl ? String(chartData.context.crcl.value) : '',
        allergies: chartData.context.allergies,
      }));
    }
  }, [chartData]);

  const setRow = (key: number, change: Partial<MedicationRow>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const setField = <K extends keyof PatientFields>(key: K, value: PatientFields[K]) => setPatient((p) => ({ ...p, [key]: value }));

  const run = async () => {
    const { input, rowKeys } = toCheckInput(rows, patient);
    if (input.medications.length === 0) {
      setError(new Error(t('medications.needOne')));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setResult({ output: await knowledgeApi.checkMedications(input), rowKeys });
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      setBusy(false);
    }
  };

  const replaceName = (inputIndex: number, name: string) => {
    const key = result?.rowKeys[inputIndex];
    if (key !== undefined) setRow(key, { name });
  };

  return (
    <div className="page" data-testid="medications-page">
      {patientId && (
        <p className="breadcrumb">
          <a href={href(`/patients/${encodeURIComponent(patientId)}`)}>← {t('medications.backToChart')}</a>
        </p>
      )}
      <div className="page-header">
        <h1>{t('medications.title')}</h1>
        <p className="muted">{t('medications.intro')}</p>
      </div>
      {patientId &&
        (fromChart.error ? (
          <ErrorMessage error={fromChart.error} onRetry={fromChart.reload} />
        ) : !fromChart.data ? (
          <Loading />
        ) : (
          <ChartContext context={fromChart.data.context} empty={!fromChart.data.input} />
        ))}
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <Card title={t('medications.list')} testId="med-list">
          <div className="med-rows">
            {rows.map((row, i) => (
              <fieldset key={row.key} className="med-row" data-testid="med-row">
                <legend className="visually-hidden">{t('medications.rowLabel', { n: i + 1 })}</legend>
                <div className="field med-name">
                  <span className="field-label">{t('medications.name')}</span>
                  <DrugAutocomplete
                    value={row.name}
                    onChange={(name) => setRow(row.key, { name })}
                    label={`${t('medications.name')} ${i + 1}`}
                    testId={`med-name-${i}`}
                  />
                </div>
                <label className="field med-dose">
                  <span className="field-label">{t('medications.dose')}</span>
                  <input
                    type="text"
                    value={row.dose}
                    placeholder="5 mg"
                    onChange={(e) => setRow(row.key, { dose: e.target.value })}
                    data-testid={`med-dose-${i}`}
                  />
                </label>
                <label className="field med-frequency">
                  <span className="field-label">{t('medications.frequency')}</span>
                  <input
                    type="text"
                    list="med-frequencies"
                    value={row.frequency}
                    placeholder="bid"
                    onChange={(e) => setRow(row.key, { frequency: e.target.value })}
                    data-testid={`med-frequency-${i}`}
                  />
                </label>
                <label className="field med-route">
                  <span className="field-label">{t('medications.route')}</span>
                  <select value={row.route} onChange={(e) => setRow(row.key, { route: e.target.value })} data-testid={`med-route-${i}`}>
                    <option value="">{t('medications.routeAny')}</option>
                    {ROUTES.map((route) => (
                      <option key={route} value={route}>
                        {t(`routes.${route}`)}
                      </option>
                    ))}
                  </select>
                </label>
                <button
                  type="button"
                  className="button button-small button-quiet med-remove"
                  aria-label={t('medications.remove', { n: i + 1 })}
                  onClick={() => setRows((rs) => (rs.length > 1 ? rs.filter((r) => r.key !== row.key) : [newRow()]))}
                >
                  ×
                </button>
              </fieldset>
            ))}
          </div>
          <datalist id="med-frequencies">
            {FREQUENCIES.map((f) => (
              <option key={f} value={f} />
            ))}
          </datalist>
          <button type="button" className="button button-small" onClick={() => setRows((rs) => [...rs, newRow()])} data-testid="med-add">
            + {t('medications.add')}
          </button>
        </Card>
        <PatientCard patient={patient} setField={setField} />
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy} data-testid="med-check">
            {busy ? t('medications.checking') : t('medications.check')}
          </button>
        </div>
        {error && <CheckError error={error} />}
      </form>
      {result && <MedicationResults result={result.output} onUseSuggestion={replaceName} />}
    </div>
  );
}

function PatientCard({
  patient,
  setField,
}: {
  patient: PatientFields;
  setField: <K extends keyof PatientFields>(k: K, v: PatientFields[K]) => void;
}) {
  const { t } = useTranslation();
  return (
    <Card title={t('medications.patient')} testId="med-patient">
      <div className="form-grid">
        <AgeField value={patient.age} onChange={(v) => setField('age', v)} testId="med-age" />
        <SexField value={patient.sex} onChange={(v) => setField('sex', v)} testId="med-sex" />
        <label className="field">
          <span className="field-label">{t('medications.weight')}</span>
          <input
            type="number"
            inputMode="decimal"
            step="any"
            value={patient.weightKg}
            onChange={(e) => setField('weightKg', e.target.value)}
            data-testid="med-weight"
          />
        </label>
        <label className="field">
          <span className="field-label">{t('medications.egfr')}</span>
          <input
            type="number"
            inputMode="decimal"
            step="any"
            value={patient.egfr}
            onChange={(e) => setField('egfr', e.target.value)}
            data-testid="med-egfr"
          />
        </label>
        <label className="field">
          <span className="field-label">{t('medications.crclField')}</span>
          <input
            type="number"
            inputMode="decimal"
            step="any"
            value={patient.crcl}
            onChange={(e) => setField('crcl', e.target.value)}
            data-testid="med-crcl"
          />
        </label>
        <label className="field">
          <span className="field-label">{t('medications.childPugh')}</span>
          <select
            value={patient.childPugh}
            onChange={(e) => setField('childPugh', e.target.value as PatientFields['childPugh'])}
            data-testid="med-child-pugh"
          >
            <option value="">{t('common.unknown')}</option>
            <option value="A">A</option>
            <option value="B">B</option>
            <option value="C">C</option>
          </select>
        </label>
        <div className="field med-flags">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={patient.pregnant}
              onChange={(e) => setField('pregnant', e.target.checked)}
              data-testid="med-pregnant"
            />
            {t('medications.pregnant')}
          </label>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={patient.breastfeeding}
              onChange={(e) => setField('breastfeeding', e.target.checked)}
              data-testid="med-breastfeeding"
            />
            {t('medications.breastfeeding')}
          </label>
        </div>
      </div>
      <div className="field">
        <span className="field-label">{t('medications.allergies')}</span>
        <ChipInput
          values={patient.allergies}
          onChange={(values) => setField('allergies', values)}
          label={t('medications.allergies')}
          placeholder={t('medications.allergiesPlaceholder')}
          testId="med-allergies"
        />
      </div>
    </Card>
  );
}
