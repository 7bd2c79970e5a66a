import { createHmac } from 'node:crypto';
import {
  type AlertDeliveryRow,
  claimAlertDelivery,
  listDueAlertDeliveries,
  updateAlertDelivery,
} from '../../record/emergency-alert-store.js';
import type { Store } from '../../store/database.js';
import type { AlertSettings } from './emergency-alerts.js';

/**
 * Delivers the alert outbox to the hospital's paging webhook: each due delivery is claimed (so two
 * workers or replicas never send it at once), POSTed as JSON with a time limit, and either marked
 * delivered (any 2xx) or rescheduled with exponential backoff. A failed delivery is logged and
 * retried until it gets through — never dropped. Nothing here runs inside a patient's request:
 * `notify()` only schedules a run.
 *
 * Headers: `X-Suwen-Event: emergency`, `X-Suwen-Delivery: <id>` (the same on every retry, for
 * de-duplication) and, with a secret, `X-Suwen-Signature: sha256=<hex HMAC-SHA256 of the body>`.
 */

export interface DispatcherSettings extends AlertSettings {
  timeoutMs: number;
  retryDelayMs: number;
  maxRetryDelayMs: number;
}

export interface DispatcherLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

export interface AlertDispatcherOptions {
  store: Store;
  settings: DispatcherSettings;
  logger: DispatcherLogger;
  fetch?: typeof fetch;
  now?: () => Date;
  /** How often due retries are looked for once `start()` is called. */
  pollMs?: number;
}

const BATCH = 20;

/** `sha256=` + the HMAC-SHA256 (hex) of the exact body bytes, keyed by the shared secret. */
export function signAlertBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export class AlertDispatcher {
  readonly settings: DispatcherSettings;
  private readonly options: AlertDispatcherOptions;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private again = false;
  private stopped = false;

  constructor(options: AlertDispatcherOptions) {
    this.options = options;
    this.settings = options.settings;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** Looks for due retries every `pollMs` (the server calls this; the CLI does not). */
  start(): void {
    if (this.timer || !this.settings.webhookUrl) return;
    this.stopped = false;
    this.timer = setInterval(() => this.notify(), this.options.pollMs ?? 5_000);
    this.timer.unref();
    this.notify();
  }

  /** A new alert was committed: deliver soon, without making the caller wait. */
  notify(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.deliverDue()
      .catch((error: unknown) => {
        this.options.logger.warn({ err: { type: (error as Error)?.name } }, 'alert outbox run failed; it will run again');
        return 0;
      })
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.notify();
        }
      });
  }

  /** Stops polling and waits for a run in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Waits until no run is in flight (tests). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Sends every due delivery once; returns how many were delivered. */
  async deliverDue(): Promise<number> {
    let delivered = 0;
    for (;;) {
      const now = this.now();
      const due = await listDueAlertDeliveries(this.options.store, now.toISOString(), BATCH);
      if (due.length === 0) return delivered;
      let claimed = 0;
      for (const row of due) {
        const leaseUntil = new Date(now.getTime() + this.settings.timeoutMs + 1_000).toISOString();
        if (!(await claimAlertDelivery(this.options.store, row, leaseUntil))) continue;
        claimed++;
        if (await this.deliver(row)) delivered++;
      }
      if (claimed === 0 || due.length < BATCH) return delivered;
    }
  }

  private async deliver(row: AlertDeliveryRow): Promise<boolean> {
    const attempts = row.attempts + 1;
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-suwen-event': 'emergency',
      'x-suwen-delivery': row.id,
    };
    if (this.settings.webhookSecret) headers['x-suwen-signature'] = signAlertBody(row.payload, this.settings.webhookSecret);
    let failure: string;
    try {
      const response = await (this.options.fetch ?? fetch)(row.target, {
        method: 'POST',
        headers,
        body: row.payload,
        signal: AbortSignal.timeout(this.settings.timeoutMs),
        redirect: 'error',
      });
      await response.body?.cancel().catch(() => undefined);
      if (response.ok) {
        await updateAlertDelivery(this.options.store, row.id, {
          attempts,
          status: 'delivered',
          delivered_at: this.now().toISOString(),
          last_error: null,
        });
        this.options.logger.info({ delivery: row.id, alert: row.alert_id, attempts }, 'alert webhook delivered');
        return true;
      }
      failure = `HTTP ${response.status}`;
    } catch (error) {
      const e = error as Error;
      failure = e.name === 'TimeoutError' ? `timed out after ${this.settings.timeoutMs} ms` : `${e.name}: ${e.message}`.slice(0, 300);
    }
    const delay = Math.min(this.settings.maxRetryDelayMs, this.settings.retryDelayMs * 2 ** (attempts - 1));
    const next = new Date(this.now().getTime() + delay).toISOString();
    await updateAlertDelivery(this.options.store, row.id, { attempts, next_attempt_at: next, last_error: failure });
    this.options.logger.warn(
      { delivery: row.id, alert: row.alert_id, attempts, error: failure, retryAt: next },
      'alert webhook delivery failed; it will be retried',
    );
    return false;
  }
}
