// The programme of one school year as CSV (Dutch Excel: `;`, BOM), one row per activity.
import { toCsv } from '../../csv';
import { COMPETENCY_SLUGS } from '../../competencies';
import type { Viewer } from '../auth/viewer';
import { listProgramme } from './plan';

const HEADER = [
	'datum',
	'einddatum',
	'begintijd',
	'eindtijd',
	'soort',
	'titel',
	'plaats',
	'voor wie',
	'groepen',
	'leerjaren en niveaus',
	'voorbereidingsvraag',
	...COMPETENCY_SLUGS,
	'organisatie',
	'afgelast',
	'controleren'
];

export function programmeCsv(viewer: Viewer, yearId: number): string {
	const rows = listProgramme(viewer, yearId).map((a) => [
		a.date,
		a.endDate,
		a.startTime,
		a.endTime,
		a.type,
		a.title,
		a.place,
		a.audience,
		a.groups.map((g) => g.name).join(', '),
		a.cohorts.join(', '),
		a.preparationQuestion,
		...COMPETENCY_SLUGS.map((c) => (a.competencies.includes(c) ? 'ja' : '')),
		a.organiser,
		a.cancelled ? 'ja' : '',
		a.needsCheck ? 'ja' : ''
	]);
	return toCsv([HEADER, ...rows]);
}
