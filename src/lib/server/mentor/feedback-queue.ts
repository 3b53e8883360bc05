// The mentor's feedback queue: finished reflections shared with them that nobody on staff answered yet, and
// threads where the student replied after a mentor (they come back into the queue).
import { and, asc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { Viewer } from '../auth/viewer';
import { reflectionReadScope } from '../access-scopes/reflections';
import { getDb, type Db } from '../db';
import { fullName } from '$lib/names';
import { pageOf } from '../http/paging';
import * as core from '../db/schema';
import { reflection } from '../db/schema-portfolio';

export interface QueueItem {
	id: number;
	studentId: number;
	studentName: string;
	title: string;
	/** The start of what the student wrote, to choose what to read first. */
	excerpt: string;
	/** The student replied to a mentor: the thread is back in the queue. */
	reply: boolean;
	finishedAt: number;
}

const EXCERPT = 180;

/** At most EXCERPT characters, cut at a word, with "…" when cut. */
export function excerptOf(text: string): string {
	const plain = text.replace(/\s+/g, ' ').trim();
	if (plain.length <= EXCERPT) return plain;
	const cut = plain.slice(0, EXCERPT);
	const space = cut.lastIndexOf(' ');
	return `${(space > EXCERPT / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

// A work queue is worked from the top: 25 at a time keeps the page short and quick.
export const QUEUE_PAGE_SIZE = 25;

export interface QueuePage {
	items: QueueItem[];
	total: number;
	page: number;
	pages: number;
}

/**
 * Finished reflections shared with the viewer that nobody on staff answered yet, oldest first, one page of
 * QUEUE_PAGE_SIZE at a time: a mentor of four groups may have hundreds waiting, and a page of them all is
 * slow to render and to read.
 */
export function feedbackQueuePage(viewer: Viewer, page = 1, db: Db = getDb()): QueuePage {
	const waiting = and(
		reflectionReadScope(viewer),
		sql`${reflection.studentId} <> ${viewer.userId}`,
		isNotNull(reflection.finishedAt),
		or(eq(reflection.staffAnswered, false), eq(reflection.replyWaiting, true))
	);
	const total =
		db
			.select({ n: sql<number>`count(*)` })
			.from(reflection)
			.where(waiting)
			.get()?.n ?? 0;
	const { page: current, pages, offset } = pageOf(total, QUEUE_PAGE_SIZE, page);
	const rows = db
		.select({
			id: reflection.id,
			studentId: reflection.studentId,
			given: core.user.givenName,
			prefix: core.user.familyNamePrefix,
			family: core.user.familyName,
			title: reflection.title,
			// The first part that has words, what happened before what it meant; a little more than is shown.
			excerpt: sql<string>`substr(coalesce(nullif(trim(${reflection.resultaat}), ''), nullif(trim(${reflection.evaluatie}), ''), nullif(trim(${reflection.doel}), ''), ${reflection.vervolg}), 1, ${EXCERPT + 40})`,
			reply: reflection.replyWaiting,
			finishedAt: reflection.finishedAt
		})
		.from(reflection)
		.innerJoin(core.user, eq(core.user.id, reflection.studentId))
		.where(
			// The page's ids first, from the covering index alone: only the page's rows need their title and
			// name read.
			inArray(
				reflection.id,
				db
					.select({ id: reflection.id })
					.from(reflection)
					.where(waiting)
					.orderBy(asc(reflection.finishedAt), asc(reflection.id))
					.limit(QUEUE_PAGE_SIZE)
					.offset(offset)
			)
		)
		.orderBy(asc(reflection.finishedAt), asc(reflection.id))
		.all();
	const items = rows.map((r) => ({
		id: r.id,
		studentId: r.studentId,
		studentName: fullName({ givenName: r.given, familyNamePrefix: r.prefix, familyName: r.family }),
		title: r.title,
		excerpt: excerptOf(r.excerpt ?? ''),
		reply: r.reply,
		finishedAt: r.finishedAt?.getTime() ?? 0
	}));
	return { items, total, page: current, pages };
}

/** The first page of the queue. */
export function feedbackQueue(viewer: Viewer, db: Db = getDb()): QueueItem[] {
	return feedbackQueuePage(viewer, 1, db).items;
}
