import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api';

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {t('app.loading')}
    </p>
  );
}

/**
 * Shows the server's message as it came: the server has already localized it. Retry is
 * offered only where trying again can help (no connection, a server fault), not for a refusal.
 */
export function ErrorMessage({ error, onRetry }: { error: ApiError | Error; onRetry?: () => void }) {
  const { t } = useTranslation();
  const status = 'status' in error ? error.status : 0;
  const retryable = status === 0 || status >= 500;
  return (
    <div className="alert alert-error" role="alert" data-testid="error-message">
      <p>{error.message}</p>
      {onRetry && retryable && (
        <button type="button" className="button button-small" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="empty-state">{children}</p>;
}

export function Badge({ tone = 'neutral', children }: { tone?: string; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

export function Pager({
  offset,
  limit,
  total,
  onChange,
}: {
  offset: number;
  limit: number;
  total: number;
  onChange: (offset: number) => void;
}) {
  const { t } = useTranslation();
  if (total === 0) return null;
  const from = offset + 1;
  const to = Math.min(offset + limit, total);
  return (
    <nav className="pager" aria-label={t('common.showing', { from, to, total })}>
      <span className="pager-text">{t('common.showing', { from, to, total })}</span>
      <button type="button" className="button button-small" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))}>
        {t('common.previous')}
      </button>
      <button type="button" className="button button-small" disabled={to >= total} onClick={() => onChange(offset + limit)}>
        {t('common.next')}
      </button>
    </nav>
  );
}

export function Card({
  title,
  actions,
  children,
  testId,
  className,
  headingId,
}: {
  title: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  testId?: string;
  className?: string;
  headingId?: string;
}) {
  return (
    <section className={`card ${className ?? ''}`} data-testid={testId} aria-labelledby={headingId}>
      <header className="card-header">
        <h2 id={headingId} data-testid={testId ? `${testId}-heading` : undefined}>
          {title}
        </h2>
        {actions && <div className="card-actions">{actions}</div>}
      </header>
      <div className="card-body">{children}</div>
    </section>
  );
}
