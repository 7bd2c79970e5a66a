import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge, ErrorMessage, Loading } from '../../components/feedback';
import { formatDate, label } from '../../format';
import { href } from '../../router';
import { useApi } from '../../use-api';
import type { User } from '../auth/auth-api';
import { CareGapsCard } from '../decision/care-gaps-card';
import { DecisionCard } from '../decision/decision-card';
import { IntakeCard } from '../intake/intake-card';
import { AllergiesCard, EncountersCard, MedicationsCard, ProblemsCard } from './chart-sections';
import { ConsentCard } from './consent-card';
import { DocumentsCard } from './documents-card';
import { LabInterpretationCard } from './lab-interpretation-card';
import { LabsCard } from './labs-card';
import { type Chart, type Encounter, fhirDownloadUrl, patientsApi } from './patients-api';

export function ChartPage({ patientId, user }: { patientId: string; user: User }) {
  const { t } = useTranslation();
  const chart = useApi(`chart:${patientId}`, () => patientsApi.chart(patientId));

  return (
    <div className="page" data-testid="chart-page">
      {user.role !== 'patient' && (
        <p className="breadcrumb">
          <a href={href('/patients')}>← {t('chart.backToList')}</a>
        </p>
      )}
      {chart.error ? (
        <ErrorMessage error={chart.error} onRetry={chart.reload} />
      ) : !chart.data ? (
        <Loading />
      ) : (
        <ChartBody chart={chart.data} user={user} />
      )}
    </div>
  );
}

function ChartBody({ chart, user }: { chart: Chart; user: User }) {
  const { t } = useTranslation();
  const p = chart.patient;
  return (
    <>
      <section className="card demographics" data-testid="chart-demographics" aria-labelledby="patient-name">
        <div className="card-body demographics-body">
          <div className="demographics-main">
            <h1 id="patient-name" data-testid="patient-name">
              {p.name}
              {p.deceased && (
                <Badge tone="dark">
                  {p.deceasedAt ? t('chart.deceasedOn', { date: formatDate(p.deceasedAt) }) : t('patients.deceasedBadge')}
                </Badge>
              )}
            </h1>
            <dl className="facts">
              <Fact term={t('chart.mrn')} value={<span className="mono">{p.mrn}</span>} />
              <Fact term={t('chart.sex')} value={label('gender', p.gender)} />
              <Fact
                term={t('chart.birthDate')}
                value={`${formatDate(p.birthDate)}${p.age !== null ? ` (${t('common.years', { count: p.age })})` : ''}`}
              />
              {p.phone && <Fact term={t('chart.phone')} value={p.phone} />}
              {p.language && <Fact term={t('chart.language')} value={p.language} />}
              {p.address && <Fact term={t('chart.address')} value={p.address} />}
            </dl>
            <p className="muted small">
              {t('chart.counts', {
                encounters: chart.counts.encounters,
                documents: chart.counts.documents,
                observations: chart.counts.observations,
              })}
            </p>
          </div>
          <div className="demographics-actions">
            {user.role !== 'patient' && (
              <a
                className="button button-primary"
                href={href(`/medications?patient=${encodeURIComponent(p.id)}`)}
                data-testid="check-medications"
              >
                {t('chart.checkMedications')}
              </a>
            )}
            {user.role !== 'patient' && (
              <a className="button" href={href(`/report?patient=${encodeURIComponent(p.id)}`)} data-testid="interpret-report">
                {t('chart.interpretReport')}
              </a>
            )}
            {user.role === 'clinician' && (
              <a className="button" href={href(`/notes?patient=${encodeURIComponent(p.id)}`)} data-testid="write-note">
                {t('chart.writeNote')}
              </a>
            )}
            <a
              className="button"
              href={fhirDownloadUrl(p.id)}
              download={`${p.mrn || p.id}.fhir.json`}
              title={t('chart.downloadFhirHint')}
              data-testid="download-fhir"
            >
              {t('chart.downloadFhir')}
            </a>
          </div>
        </div>
      </section>
      <div className="chart-grid">
        <ProblemsCard conditions={chart.conditions} />
        <MedicationsCard medications={chart.medications} />
        <AllergiesCard allergies={chart.allergies} />
      </div>
      <LabsCard patientId={p.id} labs={chart.labs} />
      {user.role !== 'patient' && <LabInterpretationCard patientId={p.id} />}
      {user.role === 'clinician' && <CareGapsCard patientId={p.id} />}
      {user.role === 'clinician' && <DecisionCard patientId={p.id} />}
      {user.role === 'clinician' && <IntakeCard patientId={p.id} encounters={chart.encounters} />}
      <div className="chart-grid chart-grid-2">
        <EncountersCard
          patientId={p.id}
          encounters={chart.encounters}
          total={chart.counts.encounters}
          actionsFor={user.role === 'clinician' ? (e) => <EncounterWritingActions patientId={p.id} encounter={e} /> : undefined}
        />
        <DocumentsCard patientId={p.id} documents={chart.documents} total={chart.counts.documents} />
      </div>
      <ConsentCard patientId={p.id} user={user} />
    </>
  );
}

/** Clinical writing from an encounter: a visit note, and for an inpatient stay its discharge summary. */
function EncounterWritingActions({ patientId, encounter }: { patientId: string; encounter: Encounter }) {
  const { t } = useTranslation();
  const query = `patient=${encodeURIComponent(patientId)}&encounter=${encodeURIComponent(encounter.id)}`;
  return (
    <>
      <a className="button button-small button-quiet" href={href(`/notes?${query}`)} data-testid="encounter-write-note">
        {t('chart.writeNote')}
      </a>
      {encounter.classCode === 'IMP' && (
        <a className="button button-small button-quiet" href={href(`/discharge?${query}`)} data-testid="encounter-discharge-summary">
          {t('chart.dischargeSummary')}
        </a>
      )}
    </>
  );
}

function Fact({ term, value }: { term: string; value: ReactNode }) {
  return (
    <div className="fact">
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  );
}
