// Reading a ZIP someone uploaded, defensively. Nothing is ever written to disk under an entry's name:
// the caller gets the bytes of the entries it asks for. Refused before any byte is inflated: paths that
// climb out (zip slip) or are absolute, symlinks, encrypted entries, duplicate names, too many entries,
// and sizes or compression ratios that only a zip bomb has. yauzl checks while inflating that no entry
// grows past the size its header declares, so the declared sizes can be trusted for the limits.
import yauzl, { type Entry, type ZipFile } from 'yauzl';

export type ZipProblem =
	'not_zip' | 'too_many_entries' | 'unsafe_path' | 'symlink' | 'encrypted' | 'duplicate' | 'too_big' | 'bomb';

export class ZipRefused extends Error {
	constructor(
		readonly reason: ZipProblem,
		detail = ''
	) {
		super(`zip refused: ${reason}${detail ? ` (${detail})` : ''}`);
	}
}

export interface ZipLimits {
	maxEntries: number;
	/** Uncompressed size of one entry. */
	maxEntryBytes: number;
	/** Uncompressed size of all entries together. */
	maxTotalBytes: number;
	/** Uncompressed ÷ compressed above which an entry of more than 1 MB counts as a bomb. */
	maxRatio: number;
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

function openZip(buffer: Buffer): Promise<ZipFile> {
	return new Promise((resolve, reject) => {
		yauzl.fromBuffer(
			buffer,
			{ lazyEntries: true, validateEntrySizes: true, strictFileNames: true },
			(err, zip) => (err ? reject(classify(err)) : resolve(zip))
		);
	});
}

function classify(err: Error): ZipRefused {
	if (err instanceof ZipRefused) return err;
	const text = err.message;
	if (/invalid relative path|absolute path|invalid characters in fileName/.test(text))
		return new ZipRefused('unsafe_path', text);
	// An entry that inflates past the size its header declares: a bomb hiding behind a small number.
	if (/too many bytes in the stream/.test(text)) return new ZipRefused('bomb', text);
	return new ZipRefused('not_zip', text);
}

function checkEntry(entry: Entry, seen: Set<string>, limits: ZipLimits): void {
	const name = entry.fileName;
	// yauzl already refuses "..", absolute and backslash paths; this also catches NUL and drive-relative tricks.
	if (name.includes('\0') || name.split('/').some((p) => p === '..' || p === '.'))
		throw new ZipRefused('unsafe_path', name);
	if (((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) throw new ZipRefused('symlink', name);
	if (entry.isEncrypted()) throw new ZipRefused('encrypted', name);
	if (seen.has(name)) throw new ZipRefused('duplicate', name);
	seen.add(name);
	if (entry.uncompressedSize > limits.maxEntryBytes) throw new ZipRefused('too_big', name);
	const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
	if (entry.uncompressedSize > 1024 * 1024 && ratio > limits.maxRatio) throw new ZipRefused('bomb', name);
}

function listEntries(zip: ZipFile, limits: ZipLimits): Promise<Entry[]> {
	return new Promise((resolve, reject) => {
		const entries: Entry[] = [];
		const seen = new Set<string>();
		let total = 0;
		zip.on('error', (err: Error) => reject(classify(err)));
		zip.on('entry', (entry: Entry) => {
			try {
				if (entries.length >= limits.maxEntries) throw new ZipRefused('too_many_entries');
				checkEntry(entry, seen, limits);
				total += entry.uncompressedSize;
				if (total > limits.maxTotalBytes) throw new ZipRefused('bomb', 'total size');
				if (!entry.fileName.endsWith('/')) entries.push(entry);
				zip.readEntry();
			} catch (err) {
				zip.close();
				reject(classify(err as Error));
			}
		});
		zip.on('end', () => resolve(entries));
		zip.readEntry();
	});
}

async function readEntry(zip: ZipFile, entry: Entry, limits: ZipLimits): Promise<Buffer> {
	const stream = await zip.openReadStreamPromise(entry);
	const chunks: Buffer[] = [];
	let size = 0;
	try {
		for await (const chunk of stream) {
			size += (chunk as Buffer).byteLength;
			// yauzl stops an entry that inflates past its declared size; this is the belt to those braces.
			if (size > limits.maxEntryBytes) throw new ZipRefused('bomb', entry.fileName);
			chunks.push(chunk as Buffer);
		}
	} catch (err) {
		stream.destroy();
		throw classify(err as Error);
	}
	return Buffer.concat(chunks);
}

export interface ZipContents {
	/** Every file entry's name (directories left out). */
	names: string[];
	/** The bytes of one entry, read on demand; undefined when there is no such entry. */
	read(name: string): Promise<Buffer | undefined>;
	close(): void;
}

/** Opens and checks the whole ZIP; throws ZipRefused with the reason when it is not safe to read. */
export async function openSafeZip(buffer: Buffer, limits: ZipLimits): Promise<ZipContents> {
	const zip = await openZip(buffer);
	const entries = await listEntries(zip, limits);
	const byName = new Map(entries.map((e) => [e.fileName, e]));
	return {
		names: entries.map((e) => e.fileName),
		read: async (name) => {
			const entry = byName.get(name);
			return entry ? readEntry(zip, entry, limits) : undefined;
		},
		close: () => zip.close()
	};
}
