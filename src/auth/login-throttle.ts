/**
 * Slows password guessing: after 10 failures for one (address, username) within 15 minutes,
 * further attempts are refused until the window passes. In memory, per process.
 */
const MAX_FAILURES = 10;
const WINDOW_MS = 15 * 60_000;

export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; since: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  retryAfterSeconds(key: string): number {
    const entry = this.failures.get(key);
    if (!entry) return 0;
    const elapsed = this.now() - entry.since;
    if (elapsed > WINDOW_MS) {
      this.failures.delete(key);
      return 0;
    }
    return entry.count >= MAX_FAILURES ? Math.ceil((WINDOW_MS - elapsed) / 1000) : 0;
  }

  recordFailure(key: string): void {
    const entry = this.failures.get(key);
    if (!entry || this.now() - entry.since > WINDOW_MS) this.failures.set(key, { count: 1, since: this.now() });
    else entry.count += 1;
    if (this.failures.size > 50_000) this.failures.clear();
  }

  reset(key: string): void {
    this.failures.delete(key);
  }
}
