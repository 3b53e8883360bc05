// The round as files for a spreadsheet: the agreed matrix per cell (every task, also those nobody does),
// the grid as on paper (tasks × actors), the respondents' answers and the actions; one by one or as a ZIP.
import { PassThrough, Readable } from 'node:stream';
import * as archiverModule from 'archiver';
import type { Archiver, ArchiverOptions } from 'archiver';
import type { Viewer } from '../auth/viewer';
import { getGrid, type Grid } from './cells';
import { listRoundAnswers } from './views';
import { listActions } from './actions';
import { toCsv, type CsvValue } from '../../csv';
import { cellKey } from '../../matrix-analysis';
import { actionStatusLabel, kindLabel, partLabel, partShort } from '../../matrix-labels';
import { m } from '../../paraglide/messages';
import { logger } from '../ops/logger';

export const EXPORT_FILES = ['matrix', 'grid', 'answers', 'actions'] as const;
export type ExportFile = (typeof EXPORT_FILES)[number];

const empty = (c: { part: string; how: string; rating: number | null; wish: string }) =>
	c.part === 'geen' && !c.how && !c.rating && !c.wish;

/** One row per cell with a part or a note; a task with none still gets a row, so no gap goes missing. */
function matrixRows(grid: Grid): CsvValue[][] {
	const cells = new Map(grid.cells.map((c) => [cellKey(c.taskId, c.actorId), c]));
	const header = [
		m.mx_csv_kind(),
		m.mx_csv_task(),
		m.mx_csv_actor(),
		m.mx_csv_part(),
		m.mx_csv_how(),
		m.mx_csv_rating(),
		m.mx_csv_wish()
	];
	const rows = grid.tasks.flatMap((task) => {
		const filled = grid.actors.flatMap((actor) => {
			const c = cells.get(cellKey(task.id, actor.id));
			if (!c || empty(c)) return [];
			return [[kindLabel[task.kind](), task.name, actor.name, partLabel[c.part](), c.how, c.rating, c.wish]];
		});
		return filled.length
			? filled
			: [[kindLabel[task.kind](), task.name, '', m.mx_csv_nobody(), '', null, '']];
	});
	return [header, ...rows];
}

/** The paper instrument: a row per task, a column per actor, the part's letter and the rating ("U3"). */
function gridRows(grid: Grid): CsvValue[][] {
	const cells = new Map(grid.cells.map((c) => [cellKey(c.taskId, c.actorId), c]));
	const header = [m.mx_csv_kind(), m.mx_csv_task(), ...grid.actors.map((a) => a.name)];
	const rows = grid.tasks.map((task) => [
		kindLabel[task.kind](),
		task.name,
		...grid.actors.map((actor) => {
			const c = cells.get(cellKey(task.id, actor.id));
			if (!c || c.part === 'geen') return c?.rating ? String(c.rating) : '';
			return `${partShort[c.part]()}${c.rating ?? ''}`;
		})
	]);
	const legend = Object.entries(partShort).map(([part, short]) => [
		'',
		`${short()} = ${partLabel[part as keyof typeof partLabel]()}`
	]);
	return [header, ...rows, [], ...legend];
}

function answerRows(viewer: Viewer, grid: Grid): CsvValue[][] {
	const task = new Map(grid.tasks.map((t) => [t.id, t.name]));
	const actor = new Map(grid.actors.map((a) => [a.id, a.name]));
	const header = [
		m.mx_csv_respondent(),
		m.mx_csv_task(),
		m.mx_csv_actor(),
		m.mx_csv_part(),
		m.mx_csv_how(),
		m.mx_csv_rating(),
		m.mx_csv_wish()
	];
	const rows = listRoundAnswers(viewer, grid.round.id)
		.filter((a) => task.has(a.taskId) && actor.has(a.actorId))
		.map((a) => [
			a.name,
			task.get(a.taskId),
			actor.get(a.actorId),
			partLabel[a.part](),
			a.how,
			a.rating,
			a.wish
		]);
	return [header, ...rows];
}

function actionRows(viewer: Viewer, grid: Grid): CsvValue[][] {
	const task = new Map(grid.tasks.map((t) => [t.id, t.name]));
	const header = [m.mx_act_what(), m.mx_act_task(), m.mx_act_owner(), m.mx_act_due(), m.mx_act_status()];
	const rows = listActions(viewer, grid.round.id).map((a) => [
		a.title,
		task.get(a.taskId) ?? '',
		a.owner,
		a.dueOn ?? '',
		actionStatusLabel[a.status]() + (a.overdue ? ` (${m.mx_act_overdue()})` : '')
	]);
	return [header, ...rows];
}

export function fileName(grid: Grid, file: ExportFile | 'zip'): string {
	const round = grid.round.name.replace(/[^\w-]+/g, '_');
	return file === 'zip' ? `lob-takenmatrix-${round}.zip` : `lob-takenmatrix-${round}-${file}.csv`;
}

/** One of the round's files as CSV; undefined when the round is not the viewer's school's. */
export function roundCsv(viewer: Viewer, roundId: number, file: ExportFile) {
	const grid = getGrid(viewer, roundId);
	if (!grid) return undefined;
	const rows = {
		matrix: () => matrixRows(grid),
		grid: () => gridRows(grid),
		answers: () => answerRows(viewer, grid),
		actions: () => actionRows(viewer, grid)
	}[file]();
	return { name: fileName(grid, file), csv: toCsv(rows) };
}

// archiver 8 exports ZipArchive as a named class; @types/archiver still describes the v7 factory.
const { ZipArchive } = archiverModule as unknown as {
	ZipArchive: new (options?: ArchiverOptions) => Archiver;
};

/** All four files in one ZIP, as a web stream. */
export function roundZip(viewer: Viewer, roundId: number) {
	const grid = getGrid(viewer, roundId);
	if (!grid) return undefined;
	const zip = new ZipArchive({ zlib: { level: 6 } });
	const out = new PassThrough();
	zip.on('error', (err) => {
		logger.error({ err }, 'matrix export failed');
		out.destroy(err);
	});
	zip.pipe(out);
	for (const file of EXPORT_FILES) {
		const made = roundCsv(viewer, roundId, file);
		if (made) zip.append(made.csv, { name: made.name });
	}
	void zip.finalize();
	return { name: fileName(grid, 'zip'), body: Readable.toWeb(out) as ReadableStream<Uint8Array> };
}
