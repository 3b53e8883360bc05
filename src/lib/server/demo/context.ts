// What the demo seed made, shared by the parts that add portfolio, mentor and matrix data (no import cycle).
import type { Db } from '../db';

/** What the demo seed made, for the parts of the seed that add portfolio, mentor and matrix data. */
export interface DemoContext {
	db: Db;
	schoolId: number;
	schoolYearId: number;
	groups: { kb3: number; zw2: number };
	students: { vmbo: number[]; mbo: number[] };
	mentors: { jansen: number; elAmrani: number };
	coordinator: number;
	admin: number;
}
