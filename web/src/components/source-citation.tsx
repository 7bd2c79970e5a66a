import { useTranslation } from 'react-i18next';
import type { Citation } from '../features/knowledge/knowledge-api';

/** "Source: FDA label …, §2.1" with a link when the citation has one. */
export function SourceCitation({ source, compact = false }: { source: Citation; compact?: boolean }) {
  const { t } = useTranslation();
  const text = source.section ? `${source.title}, ${source.section}` : source.title;
  return (
    <span className={`citation ${compact ? 'citation-compact' : ''}`} data-testid="citation">
      {!compact && <span className="citation-label">{t('knowledge.source')}: </span>}
      {source.url ? (
        <a href={source.url} target="_blank" rel="noreferrer noopener">
          {text}
        </a>
      ) : (
        text
      )}
      {source.licence && <span className="muted"> ({source.licence})</span>}
    </span>
  );
}
