import { useTranslation } from 'react-i18next';
import { usePick } from '../../bilingual';
import { Card, EmptyState } from '../../components/feedback';
import { SeverityBadge } from '../../components/severity-badge';
import { SourceCitation } from '../../components/source-citation';
import { type MedicationCheckResult, SEVERITIES } from '../knowledge/knowledge-api';
import { OMISSION_ORDER, type Omission } from './notes-api';

/**
 * What the checks found: sentences with no support, things said in the consultation that the note
 * leaves out (by kind; a click highlights the turns they were said in), and the knowledge base's
 * medication check of the medicines mentioned.
 */
export function NoteChecks({
  omissions,
  unsupported,
  medicationCheck,
  activeOmission,
  onSelectOmission,
}: {
  omissions: Omission[];
  unsupported: number;
  medicationCheck: MedicationCheckResult | null | undefined;
  activeOmission: number | null;
  onSelectOmission: (index: number | null) => void;
}) {
  const { t } = useTranslation();
  const pick = usePick();
  const indexed = omissions.map((omission, index) => ({ omission, index }));
  const groups = OMISSION_ORDER.map((kind) => ({ kind, items: indexed.filter((x) => x.omission.kind === kind) })).filter(
    (g) => g.items.length > 0,
  );
  const findings = [...(medicationCheck?.findings ?? [])].sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
  const nameOf = (i: number) => {
    const m = medicationCheck?.medications[i];
    return m?.name ? pick(m.name) : (m?.input.name ?? '?');
  };

  return (
    <Card title={t('notes.checks')} testId="note-checks" className="note-checks">
      <p className={`alert ${unsupported > 0 ? 'alert-warning' : 'alert-success'}`} data-testid="note-unsupported-count">
        {unsupported > 0 ? t('notes.unsupportedCount', { count: unsupported }) : t('notes.allSupported')}
      </p>
      <h3>{t('notes.omissions')}</h3>
      <p className="muted small">{t('notes.omissionsHint')}</p>
      {groups.length === 0 ? (
        <EmptyState>{t('notes.noOmissions')}</EmptyState>
      ) : (
        groups.map((group) => (
          <div key={group.kind} className="omission-group" data-testid="omission-group" data-kind={group.kind}>
            <h4>{t(`notes.omissionKinds.${group.kind}`)}</h4>
            <ul className="omission-list">
              {group.items.map(({ omission, index }) => (
                <li key={index}>
                  <button
                    type="button"
                    className={`omission ${activeOmission === index ? 'is-active' : ''}`}
                    aria-pressed={activeOmission === index}
                    onClick={() => onSelectOmission(activeOmission === index ? null : index)}
                    data-testid="note-omission"
                    data-kind={omission.kind}
                  >
                    <span>{omission.text}</span>
                    {omission.turnIds.length > 0 && <span className="mono small muted"> {omission.turnIds.join(', ')}</span>}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
      {medicationCheck && (
        <>
          <h3>{t('notes.medicationCheck')}</h3>
          {findings.length === 0 ? (
            <EmptyState>{t('notes.noMedicationFindings')}</EmptyState>
          ) : (
            <ul className="item-list findings" data-testid="note-med-findings">
              {findings.map((finding, i) => (
                <li
                  // biome-ignore lint/suspicious/noArrayIndexKey: one check's findings, already sorted, never reorder
                  key={i}
                  className={`finding finding-${finding.severity}`}
                  data-testid="note-med-finding"
                  data-severity={finding.severity}
                >
                  <div className="item-title">
                    <SeverityBadge severity={finding.severity} />
                    <span className="finding-title">{pick(finding.title)}</span>
                  </div>
                  <p className="finding-detail">{pick(finding.detail)}</p>
                  {finding.medications.length > 1 && (
                    <p className="small muted">{t('medications.involves', { names: finding.medications.map(nameOf).join(' + ') })}</p>
                  )}
                  <p className="small">
                    <SourceCitation source={finding.source} />
                  </p>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Card>
  );
}
