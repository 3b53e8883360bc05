// A ZIP writer for tests that, unlike archiver, writes whatever it is told: names with "..", symlink
// modes, encryption flags and headers that lie about sizes. Only what the tests need: stored or deflated
// entries, no ZIP64.
import { crc32, deflateRawSync } from 'node:zlib';

export interface RawEntry {
	name: string;
	data: Buffer;
	deflate?: boolean;
	/** Unix mode in the upper 16 bits of the external attributes, e.g. 0o120777 for a symlink. */
	mode?: number;
	encrypted?: boolean;
	/** Overrides the uncompressed size written in the headers (a lying bomb). */
	declaredSize?: number;
}

export function rawZip(entries: RawEntry[]): Buffer {
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const e of entries) {
		const name = Buffer.from(e.name, 'utf8');
		const packed = e.deflate ? deflateRawSync(e.data) : e.data;
		// Traditional PKWARE encryption puts a 12-byte header before the data.
		const body = e.encrypted ? Buffer.concat([Buffer.alloc(12, 0x5a), packed]) : packed;
		const crc = crc32(e.data);
		const size = e.declaredSize ?? e.data.byteLength;
		const flags = 0x0800 | (e.encrypted ? 1 : 0);
		const method = e.deflate ? 8 : 0;
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(flags, 6);
		local.writeUInt16LE(method, 8);
		local.writeUInt32LE(crc, 14);
		local.writeUInt32LE(body.byteLength, 18);
		local.writeUInt32LE(size, 22);
		local.writeUInt16LE(name.byteLength, 26);
		locals.push(local, name, body);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE((3 << 8) | 20, 4);
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(flags, 8);
		central.writeUInt16LE(method, 10);
		central.writeUInt32LE(crc, 16);
		central.writeUInt32LE(body.byteLength, 20);
		central.writeUInt32LE(size, 24);
		central.writeUInt16LE(name.byteLength, 28);
		central.writeUInt32LE(((e.mode ?? 0o100644) << 16) >>> 0, 38);
		central.writeUInt32LE(offset, 42);
		centrals.push(central, name);
		offset += local.byteLength + name.byteLength + body.byteLength;
	}
	const cd = Buffer.concat(centrals);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(cd.byteLength, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...locals, cd, end]);
}
