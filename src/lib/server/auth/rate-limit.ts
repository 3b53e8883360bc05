// Login throttling, in memory: Koers runs as one Node process per instance. A window of attempts per key;
// keys are "account:<name>" and "ip:<address>", so guessing one account and spraying many are both slowed.
interface Window {
	count: number;
	resetAt: number;
}

export class RateLimiter {
	private windows = new Map<string, Window>();

	constructor(
		private readonly max: number,
		private readonly windowMs: number
	) {}

	/** True when the key may try again now. */
	check(key: string, now = Date.now()): boolean {
		const w = this.windows.get(key);
		return !w || now >= w.resetAt || w.count < this.max;
	}

	/** Seconds until the key may try again (0 when it may). */
	retryAfter(key: string, now = Date.now()): number {
		const w = this.windows.get(key);
		if (!w || now >= w.resetAt || w.count < this.max) return 0;
		return Math.ceil((w.resetAt - now) / 1000);
	}

	hit(key: string, now = Date.now()): void {
		const w = this.windows.get(key);
		if (!w || now >= w.resetAt) this.windows.set(key, { count: 1, resetAt: now + this.windowMs });
		else w.count += 1;
		if (this.windows.size > 50_000) this.prune(now);
	}

	reset(key: string): void {
		this.windows.delete(key);
	}

	private prune(now: number): void {
		for (const [key, w] of this.windows) if (now >= w.resetAt) this.windows.delete(key);
	}
}

// 5 wrong passwords per account per 15 minutes. Per address the limit is far higher: a whole school often
// reaches Koers through one NAT address, and a classroom of students mistyping at 08:30 must not lock
// everyone out. LOGIN_IP_MAX_FAILURES sets it per instance.
export const ACCOUNT_MAX_FAILURES = 5;
export const IP_MAX_FAILURES = Math.max(1, Number(process.env.LOGIN_IP_MAX_FAILURES) || 100);
export const accountLimiter = new RateLimiter(ACCOUNT_MAX_FAILURES, 15 * 60 * 1000);
export const ipLimiter = new RateLimiter(IP_MAX_FAILURES, 15 * 60 * 1000);
