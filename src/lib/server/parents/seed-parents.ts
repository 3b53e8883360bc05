// Demo parents (issue 20): Sanne's mother is linked, reads a few reflections Sanne shares "ook thuis" and
// the summary of a held conversation, has left one note, and is invited to Sanne's planned conversation.
// Runs after seedDialog.
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { DemoContext } from '../demo/seed';
import * as core from '../db/schema';
import { reflection } from '../db/schema-portfolio';
import { conversation, conversationAgendaItem } from '../db/schema-dialog';
import {
	conversationHomeShare,
	conversationParentInvite,
	homeSetting,
	parentLink,
	parentNote,
	reflectionHomeShare
} from '../db/schema-parents';
import { hashPasswordSync } from '../auth/password';

export const DEMO_PARENT = { username: 'ingrid.devries', password: 'Ouder-2026' } as const;

export function seedParents(ctx: DemoContext): void {
	const sanne = ctx.students.vmbo[0];
	const { db, schoolId } = ctx;
	const mother = db
		.insert(core.user)
		.values({
			schoolId,
			username: DEMO_PARENT.username,
			givenName: 'Ingrid',
			familyNamePrefix: 'de',
			familyName: 'Vries',
			passwordHash: hashPasswordSync(DEMO_PARENT.password),
			createdAt: new Date('2026-09-20T18:00:00Z')
		})
		.returning({ id: core.user.id })
		.get().id;
	db.insert(core.userRole).values({ userId: mother, schoolId, role: 'parent' }).run();
	db.insert(parentLink)
		.values({
			schoolId,
			studentId: sanne,
			parentId: mother,
			createdBy: sanne,
			createdAt: new Date('2026-09-20T18:00:00Z')
		})
		.run();
	db.insert(homeSetting).values({ studentId: sanne, schoolId, shareGoals: true }).run();

	// The first three reflections her mentor can read too; her private ones and drafts stay hers.
	const shared = db
		.select({ id: reflection.id })
		.from(reflection)
		.where(
			and(
				eq(reflection.studentId, sanne),
				isNotNull(reflection.finishedAt),
				inArray(reflection.visibility, ['mentor', 'dossier'])
			)
		)
		.orderBy(asc(reflection.finishedAt), asc(reflection.id))
		.limit(3)
		.all();
	if (shared.length)
		db.insert(reflectionHomeShare)
			.values(shared.map((r) => ({ reflectionId: r.id, schoolId, studentId: sanne })))
			.run();
	if (shared[0])
		db.insert(parentNote)
			.values({
				schoolId,
				reflectionId: shared[0].id,
				studentId: sanne,
				parentId: mother,
				body: 'Wat goed dat je dit hebt gedaan! Zullen we zaterdag samen naar de open dag gaan?'
			})
			.run();

	const sannes = db
		.select({ id: conversation.id, status: conversation.status, confirmed: conversation.summaryConfirmedAt })
		.from(conversation)
		.where(eq(conversation.studentId, sanne))
		.orderBy(asc(conversation.plannedAt))
		.all();
	const held = sannes.find((c) => c.status === 'held' && c.confirmed !== null);
	if (held)
		db.insert(conversationHomeShare).values({ conversationId: held.id, schoolId, studentId: sanne }).run();
	const planned = sannes.find((c) => c.status === 'planned');
	if (planned) {
		db.insert(conversationParentInvite)
			.values({ conversationId: planned.id, schoolId, invitedBy: ctx.mentors.jansen })
			.run();
		db.insert(conversationAgendaItem)
			.values({
				schoolId,
				conversationId: planned.id,
				source: 'parent',
				authorId: mother,
				text: 'Hoe kan ik Sanne helpen bij het kiezen van een stage?'
			})
			.run();
	}
}
