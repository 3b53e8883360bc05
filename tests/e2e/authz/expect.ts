// The authorization matrix's actors and outcomes; one with several roles gets the union of theirs.
import { ACTORS, COMBINED, type Actor, type Combined, type Ids, type Single } from './fixtures';

/** 'ok' = 200; 'login' = 303 to the login page; a status; '→/x' = 303 to exactly /x; 'elsewhere' = to another site. */
export type Outcome = 'ok' | 'login' | 'elsewhere' | 400 | 403 | 404 | `→${string}`;
/**
 * Written out for anonymous and each single-role actor. An actor with several roles (COMBINED) gets the
 * union of the actors it is made of (see expectedFor), unless the row writes theirs out.
 */
export type Expect = Record<'anonymous' | Single, Outcome> & Partial<Record<Combined, Outcome>>;
type Signed = Exclude<Actor, 'anonymous'>;
const SIGNED = ACTORS.filter((a): a is Signed => a !== 'anonymous');
export const SINGLE = SIGNED.filter((a): a is Single => !(a in COMBINED));

/** Those listed get `outcome`; anonymous is sent to log in; everyone else gets the 404 of a missing page. */
export function allowedFor(actors: Single[], outcome: Outcome = 'ok', others: Outcome = 404): Expect {
	const e = { anonymous: 'login' } as Expect;
	for (const a of SINGLE) e[a] = actors.includes(a) ? outcome : others;
	return e;
}
export const everyone = (o: Outcome, anonymous: Outcome = 'login') => ({
	...allowedFor([...SINGLE], o),
	anonymous
});
export const nobody = () => allowedFor([]);
export const STUDENTS: Single[] = ['studentA', 'studentB'];
export const MENTORS: Single[] = ['mentorA', 'mentorOther'];
export const ADMINS: Single[] = ['admin', 'adminOther'];
// requireRole(...STAFF_ROLES): every employee of the school.
export const EMPLOYEES: Single[] = ['mentorA', 'mentorOther', 'coordinator', 'admin', 'adminOther', 'staff'];
export const HOMES: Expect = {
	anonymous: 'login',
	studentA: '→/student',
	studentB: '→/student',
	mentorA: '→/mentor',
	mentorOther: '→/mentor',
	coordinator: '→/coordinator',
	admin: '→/admin',
	adminOther: '→/admin',
	staff: '→/lob-taken',
	parent: '→/parent',
	// Not a grant but a choice among the areas they may open: the first in HOME_ORDER (roles.ts).
	adminMentor: '→/mentor',
	mentorCoordinator: '→/mentor',
	staffMentor: '→/mentor'
};

/**
 * The union of what each role allows, never more (DOMAIN.md §5): the same outcome for every part is that
 * outcome; one part let through and the others refused (403/404) is let through. Anything else (two
 * different redirects) has no union to derive, and the row has to write the actor's outcome out.
 */
function union(parts: Outcome[], label: string): Outcome {
	const distinct = [...new Set(parts)];
	const granted = distinct.filter((o) => o !== 403 && o !== 404);
	if (distinct.length === 1) return distinct[0];
	if (granted.length === 1) return granted[0];
	throw new Error(`${label}: no union of ${distinct.join(', ')}; write this actor's outcome out`);
}

/** The outcome an actor must get: written out for a single role, derived for several. */
export function expectedFor(e: Partial<Expect>, who: Actor, label: string): Outcome | undefined {
	if (e[who] !== undefined || !(who in COMBINED)) return e[who];
	const parts = COMBINED[who as Combined].map((p) => e[p]);
	if (parts.some((p) => p === undefined)) return undefined;
	return union(parts as Outcome[], `${who} ${label}`);
}

export interface PageCase {
	url: (i: Ids) => string;
	expect: Expect;
}
export const page = (url: string | ((i: Ids) => string), expect: Expect): PageCase => ({
	url: typeof url === 'string' ? () => url : url,
	expect
});
