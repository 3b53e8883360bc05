// An uploaded import file before and while it is applied: its rows, the column mapping, whether students
// missing from it leave, and the encoding it was read in (with the admin's choice when names look wrong).
import { and, desc, eq, sql } from 'drizzle-orm';
import { getDb } from '../db';
import * as table from '../db/schema';
import { can } from '../access';
import type { Viewer } from '../auth/viewer';
import { parseText, readCsv, type CsvTable } from './csv';
import { encodingCandidates, suspectRows, type Encoding, type EncodingCandidate } from './encoding';
import { guessMapping, guessStaffMapping, IMPORT_FIELDS, STAFF_FIELDS } from './mapping';

export type ImportKind = 'students' | 'staff';

export interface ImportBatch {
	id: number;
	kind: ImportKind;
	fileName: string;
	encoding: string;
	delimiter: string;
	headers: string[];
	rowCount: number;
	/** Field → column; the fields depend on the kind (mapping.ts). */
	mapping: Record<string, number>;
	markLeft: boolean;
	/** False while the names look wrongly decoded and no encoding was chosen: nothing can be applied. */
	encodingChecked: boolean;
	createdAt: Date;
	appliedAt: Date | null;
	summary: Record<string, number> | null;
}

export function scoped(viewer: Viewer, id: number) {
	return and(eq(table.importBatch.id, id), eq(table.importBatch.schoolId, viewer.schoolId));
}

/** The columns that hold names, where a wrong decoding shows. */
function nameColumns(mapping: Record<string, number>): number[] {
	return ['givenName', 'familyNamePrefix', 'familyName'].flatMap((f) =>
		mapping[f] === undefined ? [] : [mapping[f]]
	);
}

export function createImportBatch(
	viewer: Viewer,
	fileName: string,
	csv: CsvTable,
	kind: ImportKind = 'students',
	source?: Uint8Array,
	/** A staged year's id when the file prepares the next school year. */
	schoolYearId: number | null = null
): number | undefined {
	if (!can(viewer, 'people.manage')) return undefined;
	const mapping = kind === 'staff' ? guessStaffMapping(csv.headers) : guessMapping(csv.headers);
	return getDb()
		.insert(table.importBatch)
		.values({
			schoolId: viewer.schoolId,
			createdBy: viewer.userId,
			kind,
			fileName: fileName.slice(0, 200),
			encoding: csv.encoding,
			delimiter: csv.delimiter,
			headers: csv.headers,
			rows: csv.rows,
			mapping,
			// Never by default: a partial file would mark the rest of the school as left.
			markLeft: false,
			source: source ? Buffer.from(source) : null,
			schoolYearId: kind === 'students' ? schoolYearId : null,
			encodingChecked: !source || suspectRows(csv.rows, nameColumns(mapping)) === 0
		})
		.returning({ id: table.importBatch.id })
		.get().id;
}

/** The file read in each encoding, with sample names; undefined when it can no longer be read again. */
export function listEncodingCandidates(viewer: Viewer, id: number): EncodingCandidate[] | undefined {
	const b = loadBatch(viewer, id);
	if (!b?.source || b.appliedAt || b.encoding.startsWith('utf-16')) return undefined;
	const rows = (text: string) => {
		const parsed = parseText(text);
		return 'error' in parsed ? null : parsed.rows;
	};
	return encodingCandidates(b.source, rows, nameColumns(b.mapping));
}

/** Reads the file again in the admin's chosen encoding; the mapping stays when the headers still fit. */
export function setImportEncoding(viewer: Viewer, id: number, encoding: Encoding): boolean {
	const b = loadBatch(viewer, id);
	if (!b?.source || b.appliedAt) return false;
	const csv = readCsv(b.source, encoding);
	if ('error' in csv) return false;
	const sameColumns = csv.headers.length === b.headers.length;
	const guessed = b.kind === 'staff' ? guessStaffMapping(csv.headers) : guessMapping(csv.headers);
	getDb()
		.update(table.importBatch)
		.set({
			encoding: csv.encoding,
			delimiter: csv.delimiter,
			headers: csv.headers,
			rows: csv.rows,
			mapping: sameColumns ? b.mapping : guessed,
			encodingChecked: true
		})
		.where(scoped(viewer, id))
		.run();
	return true;
}

export function listImportBatches(
	viewer: Viewer
): Omit<ImportBatch, 'headers' | 'mapping' | 'encodingChecked'>[] {
	if (!can(viewer, 'people.manage')) return [];
	return getDb()
		.select({
			id: table.importBatch.id,
			kind: table.importBatch.kind,
			fileName: table.importBatch.fileName,
			encoding: table.importBatch.encoding,
			delimiter: table.importBatch.delimiter,
			markLeft: table.importBatch.markLeft,
			createdAt: table.importBatch.createdAt,
			appliedAt: table.importBatch.appliedAt,
			summary: table.importBatch.summary,
			rowCount: sql<number>`json_array_length(${table.importBatch.rows})`
		})
		.from(table.importBatch)
		.where(eq(table.importBatch.schoolId, viewer.schoolId))
		.orderBy(desc(table.importBatch.createdAt))
		.limit(20)
		.all();
}

export function loadBatch(viewer: Viewer, id: number) {
	if (!can(viewer, 'people.manage')) return undefined;
	return getDb().select().from(table.importBatch).where(scoped(viewer, id)).get();
}

export function getImportBatch(viewer: Viewer, id: number): ImportBatch | undefined {
	const b = loadBatch(viewer, id);
	if (!b) return undefined;
	return {
		id: b.id,
		kind: b.kind,
		fileName: b.fileName,
		encoding: b.encoding,
		delimiter: b.delimiter,
		headers: b.headers,
		rowCount: b.rows.length,
		mapping: b.mapping,
		markLeft: b.markLeft,
		encodingChecked: b.encodingChecked,
		createdAt: b.createdAt,
		appliedAt: b.appliedAt,
		summary: b.summary ?? null
	};
}

export function setImportMapping(
	viewer: Viewer,
	id: number,
	mapping: Record<string, number>,
	markLeft: boolean
): boolean {
	const b = loadBatch(viewer, id);
	if (!b || b.appliedAt) return false;
	const clean: Record<string, number> = {};
	for (const f of b.kind === 'staff' ? STAFF_FIELDS : IMPORT_FIELDS) {
		const i = (mapping as Record<string, number | undefined>)[f];
		if (i !== undefined && i >= 0 && i < b.headers.length) clean[f] = i;
	}
	getDb()
		.update(table.importBatch)
		.set({ mapping: clean, markLeft: b.kind === 'students' && markLeft })
		.where(scoped(viewer, id))
		.run();
	return true;
}
