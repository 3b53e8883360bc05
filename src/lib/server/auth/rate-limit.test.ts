import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit';

describe('RateLimiter', () => {
	const t0 = 1_000_000;

	it('allows up to max hits in a window, then blocks with the seconds left', () => {
		const rl = new RateLimiter(3, 60_000);
		for (let i = 0; i < 3; i++) {
			expect(rl.check('k', t0)).toBe(true);
			rl.hit('k', t0);
		}
		expect(rl.check('k', t0)).toBe(false);
		expect(rl.retryAfter('k', t0)).toBe(60);
		expect(rl.retryAfter('k', t0 + 30_500)).toBe(30);
	});

	it('opens again when the window has passed, with a fresh count', () => {
		const rl = new RateLimiter(2, 60_000);
		rl.hit('k', t0);
		rl.hit('k', t0);
		expect(rl.check('k', t0 + 59_999)).toBe(false);
		expect(rl.check('k', t0 + 60_000)).toBe(true);
		expect(rl.retryAfter('k', t0 + 60_000)).toBe(0);
		rl.hit('k', t0 + 60_000);
		expect(rl.check('k', t0 + 60_001)).toBe(true);
	});

	it('keeps keys apart', () => {
		const rl = new RateLimiter(1, 60_000);
		rl.hit('account:a', t0);
		expect(rl.check('account:a', t0)).toBe(false);
		expect(rl.check('account:b', t0)).toBe(true);
		expect(rl.retryAfter('account:b', t0)).toBe(0);
	});

	it('reset clears a key', () => {
		const rl = new RateLimiter(1, 60_000);
		rl.hit('k', t0);
		rl.reset('k');
		expect(rl.check('k', t0)).toBe(true);
	});

	it('the window does not slide on further hits while blocked', () => {
		const rl = new RateLimiter(1, 60_000);
		rl.hit('k', t0);
		rl.hit('k', t0 + 50_000);
		expect(rl.check('k', t0 + 60_000)).toBe(true);
	});
});
