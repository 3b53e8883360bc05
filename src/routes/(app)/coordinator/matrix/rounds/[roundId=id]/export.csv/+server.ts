import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { getGrid } from '$lib/server/matrix/rounds';
import { toCsv } from '$lib/csv';
import { cellKey } from '$lib/matrix-analysis';
import { kindLabel, partLabel } from '$lib/matrix-labels';
import { m } from '$lib/paraglide/messages';

// The agreed matrix, one row per task and actor that has a part or a note, for Dutch Excel.
export const GET: RequestHandler = ({ params }) => {
	const viewer = requireRole('coordinator');
	const grid = getGrid(viewer, Number(params.roundId));
	if (!grid) error(404, 'Not found');
	const cells = new Map(grid.cells.map((c) => [cellKey(c.taskId, c.actorId), c]));
	const rows = grid.tasks.flatMap((task) =>
		grid.actors.flatMap((actor) => {
			const c = cells.get(cellKey(task.id, actor.id));
			if (!c || (c.part === 'geen' && !c.how && !c.rating && !c.wish)) return [];
			return [[kindLabel[task.kind](), task.name, actor.name, partLabel[c.part](), c.how, c.rating, c.wish]];
		})
	);
	const header = [
		m.mx_csv_kind(),
		m.mx_csv_task(),
		m.mx_csv_actor(),
		m.mx_csv_part(),
		m.mx_csv_how(),
		m.mx_csv_rating(),
		m.mx_csv_wish()
	];
	const file = `lob-takenmatrix-${grid.round.name.replace(/[^\w-]+/g, '_')}.csv`;
	return new Response(toCsv([header, ...rows]), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${file}"`,
			'cache-control': 'no-store'
		}
	});
};
