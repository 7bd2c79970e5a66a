import { ApiError } from '../api';

/** A refusal of the input: the server's (localized) message and, per field, what is wrong. */
export function CheckError({ error }: { error: ApiError | Error }) {
  const details = error instanceof ApiError && Array.isArray(error.details) ? (error.details as { path?: string; message: string }[]) : [];
  return (
    <div className="alert alert-error" role="alert" data-testid="check-error">
      <p>{error.message}</p>
      {details.length > 0 && (
        <ul className="error-details">
          {details.map((d, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the server's list, shown once and never reordered
            <li key={i}>
              {d.path && <span className="mono">{d.path.replace(/^body\./, '')}</span>}
              {d.path && ': '}
              {d.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
