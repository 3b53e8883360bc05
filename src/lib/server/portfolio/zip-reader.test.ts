import { describe, expect, it } from 'vitest';
import { openSafeZip, ZipRefused, type ZipLimits, type ZipProblem } from './zip-reader';
import { rawZip, type RawEntry } from '../testing/zip';

const LIMITS: ZipLimits = {
	maxEntries: 50,
	maxEntryBytes: 2 * 1024 * 1024,
	maxTotalBytes: 4 * 1024 * 1024,
	maxRatio: 100
};
const ok = (name: string, text = 'hallo'): RawEntry => ({ name, data: Buffer.from(text) });

async function refusal(zip: Buffer, limits = LIMITS): Promise<ZipProblem | 'accepted'> {
	try {
		const contents = await openSafeZip(zip, limits);
		for (const name of contents.names) await contents.read(name);
		contents.close();
		return 'accepted';
	} catch (err) {
		if (err instanceof ZipRefused) return err.reason;
		throw err;
	}
}

describe('a safe ZIP', () => {
	it('gives the bytes of the entries asked for, stored or deflated', async () => {
		const zip = await openSafeZip(
			rawZip([
				ok('portfolio.json', '{"a":1}'),
				{ name: 'attachments/1/2-foto.jpg', data: Buffer.alloc(5000, 7), deflate: true }
			]),
			LIMITS
		);
		expect(zip.names).toEqual(['portfolio.json', 'attachments/1/2-foto.jpg']);
		expect((await zip.read('portfolio.json'))?.toString()).toBe('{"a":1}');
		expect((await zip.read('attachments/1/2-foto.jpg'))?.equals(Buffer.alloc(5000, 7))).toBe(true);
		expect(await zip.read('../portfolio.json')).toBeUndefined();
		zip.close();
	});
});

describe('a hostile ZIP is refused before anything is inflated', () => {
	it.each<[string, RawEntry[], ZipProblem]>([
		['zip slip with ..', [ok('../../etc/passwd')], 'unsafe_path'],
		['zip slip deeper in', [ok('attachments/1/../../../x.jpg')], 'unsafe_path'],
		['an absolute path', [ok('/etc/cron.d/x')], 'unsafe_path'],
		['a Windows drive path', [ok('C:/Windows/x.dll')], 'unsafe_path'],
		['a backslash path', [ok('..\\..\\x.txt')], 'unsafe_path'],
		['a symlink', [{ name: 'portfolio.json', data: Buffer.from('/etc/passwd'), mode: 0o120777 }], 'symlink'],
		['an encrypted entry', [{ ...ok('portfolio.json'), encrypted: true }], 'encrypted'],
		['the same name twice', [ok('portfolio.json'), ok('portfolio.json')], 'duplicate']
	])('%s', async (_, entries, reason) => {
		expect(await refusal(rawZip(entries))).toBe(reason);
	});

	it('too many entries', async () => {
		const entries = Array.from({ length: 51 }, (_, i) => ok(`f${i}.txt`));
		expect(await refusal(rawZip(entries))).toBe('too_many_entries');
	});

	it('a bomb: a few kilobytes that inflate to megabytes', async () => {
		const bomb = rawZip([{ name: 'portfolio.json', data: Buffer.alloc(3 * 1024 * 1024), deflate: true }]);
		expect(bomb.byteLength).toBeLessThan(10_000);
		expect(
			await refusal(bomb, { ...LIMITS, maxEntryBytes: 8 * 1024 * 1024, maxTotalBytes: 16 * 1024 * 1024 })
		).toBe('bomb');
	});

	it('a bomb whose header lies about its size', async () => {
		const liar = rawZip([
			{ name: 'portfolio.json', data: Buffer.alloc(3 * 1024 * 1024), deflate: true, declaredSize: 100 }
		]);
		expect(await refusal(liar)).toBe('bomb');
	});

	it('too much in all', async () => {
		const entries = Array.from({ length: 5 }, (_, i) => ({
			name: `f${i}.bin`,
			data: Buffer.alloc(1024 * 1024, i + 1)
		}));
		expect(await refusal(rawZip(entries))).toBe('bomb');
	});

	it('one entry over the size limit', async () => {
		expect(await refusal(rawZip([{ name: 'big.bin', data: Buffer.alloc(3 * 1024 * 1024, 1) }]))).toBe(
			'too_big'
		);
	});

	it.each([
		['not a ZIP at all', Buffer.from('<html>hallo</html>')],
		['a truncated ZIP', rawZip([ok('portfolio.json')]).subarray(0, 40)],
		['empty bytes', Buffer.alloc(0)]
	])('%s', async (_, bytes) => {
		expect(await refusal(bytes)).toBe('not_zip');
	});
});
