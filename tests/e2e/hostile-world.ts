// A separate school for the hostile-input suites, so they can fill every field with attacks and throw
// random forms at every action without touching the demo school that the other e2e tests read.
// Run as a child process (tsx) against the e2e database; prints the world as JSON on stdout:
//   DATABASE_PATH=./data/e2e-4173.db npx tsx tests/e2e/hostile-world.ts <tag> [payloads.json]
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { and, eq, isNotNull } from 'drizzle-orm';
import { closeDb, getDb, type Db } from '../../src/lib/server/db';
import * as portfolio from '../../src/lib/server/db/schema-portfolio';
import * as dialog from '../../src/lib/server/db/schema-dialog';
import * as mx from '../../src/lib/server/db/schema-matrix';
import {
	addGroupMembers,
	createGroupRecord,
	createSchool,
	insertAccount
} from '../../src/lib/server/school/schools';
import type { DemoContext } from '../../src/lib/server/demo/seed';
import { seedReflections } from '../../src/lib/server/demo/reflections';
import { seedGrowth } from '../../src/lib/server/demo/growth';
import { seedDialog } from '../../src/lib/server/demo/dialog';
import { seedProgramme } from '../../src/lib/server/programme/seed';
import { seedDossier } from '../../src/lib/server/demo/dossier';
import { listMentorActivities } from '../../src/lib/server/programme/follow';
import * as home from '../../src/lib/server/db/schema-parents';
import { createSession } from '../../src/lib/server/auth/session';
import { viewerOf } from '../../src/lib/server/testing';
import { createRound, setRoundStatus } from '../../src/lib/server/matrix/rounds';
import { inviteRespondent, saveMyAnswer } from '../../src/lib/server/matrix/respond';
import { addAction } from '../../src/lib/server/matrix/actions';
import { createImportBatch } from '../../src/lib/server/import/batch';
import { readCsv } from '../../src/lib/server/import/csv';
import type { Role } from '../../src/lib/roles';
import { FREE_TEXT } from './hostile-columns';

export interface World {
	tag: string;
	schoolId: number;
	users: Record<'student' | 'student2' | 'mentor' | 'coordinator' | 'admin' | 'staff' | 'parent', number>;
	tokens: Record<'student' | 'mentor' | 'coordinator' | 'admin' | 'staff' | 'parent', string>;
	/** Sample values for route [params], keyed by route id. */
	params: Record<string, Record<string, number | string>>;
	/** Free-text cells that now hold a payload: table.column → count. */
	seeded: Record<string, number>;
}

function build(tag: string, payloads: string[]): World {
	const db = getDb();
	const { schoolId, schoolYearId } = createSchool({ name: `Hostile ${tag}` }, db);
	const account = (name: string, roles: Role[]) =>
		insertAccount(
			{ schoolId, username: `${tag}.${name}`, givenName: name, familyName: tag, roles, passwordHash: null },
			db
		);
	const vmbo = Array.from({ length: 16 }, (_, i) => account(`s${i}`, ['student']));
	const mbo = Array.from({ length: 12 }, (_, i) => account(`m${i}`, ['student']));
	const mentor = account('mentor', ['mentor']);
	const mentor2 = account('mentor2', ['mentor']);
	const coordinator = account('coordinator', ['coordinator']);
	const admin = account('admin', ['admin']);
	const staff = account('staff', ['staff']);
	const parent = account('parent', ['parent']);
	const kb3 = createGroupRecord({ schoolId, schoolYearId, name: `${tag}-A`, programme: 'vmbo-kb 3' }, db);
	const zw2 = createGroupRecord({ schoolId, schoolYearId, name: `${tag}-B`, programme: 'mbo 2' }, db);
	addGroupMembers({ schoolId, groupId: kb3, studentIds: vmbo, mentorIds: [mentor] }, db);
	addGroupMembers({ schoolId, groupId: zw2, studentIds: mbo, mentorIds: [mentor2] }, db);
	const ctx: DemoContext = {
		db,
		schoolId,
		schoolYearId,
		groups: { kb3, zw2 },
		students: { vmbo, mbo },
		mentors: { jansen: mentor, elAmrani: mentor2 },
		coordinator,
		admin
	};
	db.transaction((tx) => {
		const txCtx = { ...ctx, db: tx as unknown as Db };
		seedReflections(txCtx);
		seedGrowth(txCtx);
		seedDialog(txCtx);
		seedProgramme(txCtx);
		seedDossier(txCtx);
	});

	// The matrix: a round with an answer from a respondent and an action; an import waiting to be applied.
	const coord = viewerOf(coordinator);
	// Last year's round, closed: it keeps a snapshot of the lists (matrix_round_task, matrix_round_actor).
	const earlier = createRound(coord, `${tag} vorige ronde`);
	if (!earlier.ok) throw new Error('the hostile world needs a closed round');
	setRoundStatus(coord, earlier.id, 'closed');
	const created = createRound(coord, `${tag} ronde`);
	if (!created.ok) throw new Error('the hostile world needs a round');
	const roundId = created.id;
	const task = db.select().from(mx.matrixTask).where(eq(mx.matrixTask.schoolId, schoolId)).get()!;
	const actor = db.select().from(mx.matrixActor).where(eq(mx.matrixActor.schoolId, schoolId)).get()!;
	inviteRespondent(coord, roundId, staff, actor.id);
	saveMyAnswer(
		viewerOf(staff),
		{ roundId, taskId: task.id, actorId: actor.id },
		{ part: 'uitvoerend', how: 'x', rating: 3, wish: 'x', version: 0 }
	);
	db.insert(mx.matrixCell)
		.values({
			schoolId,
			roundId,
			taskId: task.id,
			actorId: actor.id,
			part: 'uitvoerend',
			how: 'x',
			wish: 'x',
			updatedBy: coordinator
		})
		.run();
	addAction(coord, roundId, { taskId: task.id, title: 'x', owner: 'x', dueOn: null });
	const csv = readCsv(new TextEncoder().encode('Voornaam;Achternaam;Leerlingnummer\nA;B;1\n'));
	if ('error' in csv) throw new Error('csv');
	const importId = createImportBatch(viewerOf(admin), 'leerlingen.csv', csv)!;

	const student = vmbo[0];
	const refl = db
		.select({ id: portfolio.reflection.id })
		.from(portfolio.reflection)
		.where(and(eq(portfolio.reflection.studentId, student), eq(portfolio.reflection.visibility, 'mentor')))
		.all();
	const shared = db
		.select({ id: portfolio.reflection.id })
		.from(portfolio.reflection)
		.innerJoin(dialog.comment, eq(dialog.comment.reflectionId, portfolio.reflection.id))
		.where(eq(portfolio.reflection.studentId, student))
		.get();
	const conv = db
		.select({ id: dialog.conversation.id })
		.from(dialog.conversation)
		.where(eq(dialog.conversation.studentId, student))
		.get();
	const reflectionId = shared?.id ?? refl[0].id;
	const planned = db
		.select({ id: dialog.conversation.id })
		.from(dialog.conversation)
		.where(and(eq(dialog.conversation.studentId, student), eq(dialog.conversation.status, 'planned')))
		.get()!.id;
	const homeReflection = db
		.select({ id: portfolio.reflection.id })
		.from(portfolio.reflection)
		.where(
			and(
				eq(portfolio.reflection.studentId, student),
				eq(portfolio.reflection.visibility, 'mentor'),
				isNotNull(portfolio.reflection.finishedAt)
			)
		)
		.get()!.id;
	db.insert(portfolio.attachment)
		.values({
			schoolId,
			studentId: student,
			reflectionId,
			fileName: 'bewijs.pdf',
			mimeType: 'application/pdf',
			size: 0,
			storageKey: `${tag}-missing`
		})
		.run();

	// The student's parent: linked, reads the shared reflection (and left a note), invited to a conversation.
	db.insert(home.parentLink)
		.values({ schoolId, studentId: student, parentId: parent, createdBy: student })
		.run();
	db.insert(home.homeSetting).values({ studentId: student, schoolId, shareGoals: true }).run();
	db.insert(home.reflectionHomeShare)
		.values({ reflectionId: homeReflection, schoolId, studentId: student })
		.run();
	db.insert(home.parentNote)
		.values({ schoolId, reflectionId: homeReflection, studentId: student, parentId: parent, body: 'x' })
		.run();
	db.insert(home.conversationParentInvite)
		.values({ conversationId: planned, schoolId, invitedBy: mentor })
		.run();
	// The talk about the summary: the student's "niet helemaal" and the mentor's answer.
	db.insert(dialog.summaryReply)
		.values([
			{ schoolId, conversationId: conv!.id, authorId: student, byStudent: true, body: 'x' },
			{ schoolId, conversationId: conv!.id, authorId: mentor, byStudent: false, body: 'x' }
		])
		.run();
	const mentorActivity = listMentorActivities(viewerOf(mentor))[0].id;
	const activityId = db
		.select()
		.from(portfolio.activity)
		.where(eq(portfolio.activity.schoolId, schoolId))
		.get()!.id;

	// Part of the portfolio came from a previous school: its name (from the ZIP) shows on those items.
	const transferId = db
		.insert(portfolio.transfer)
		.values({
			schoolId,
			studentId: student,
			fromSchool: 'Vorige school',
			exportedAt: new Date(),
			contentHash: tag,
			reflections: 1,
			goals: 1,
			ratings: 1,
			files: 0
		})
		.returning({ id: portfolio.transfer.id })
		.get().id;
	const raw = db.$client;
	raw.prepare('UPDATE reflection SET transfer_id = ? WHERE id = ?').run(transferId, reflectionId);
	for (const t of ['goal', 'self_rating'])
		raw
			.prepare(`UPDATE ${t} SET transfer_id = ? WHERE id = (SELECT min(id) FROM ${t} WHERE student_id = ?)`)
			.run(transferId, student);

	const seeded = payloads.length ? poison(db, schoolId, payloads) : {};
	const token = (id: number) => createSession(id, 'hostile-world').token;
	const cell = { roundId, taskId: task.id, actorId: actor.id };
	return {
		tag,
		schoolId,
		users: { student, student2: vmbo[1], mentor, coordinator, admin, staff, parent },
		tokens: {
			student: token(student),
			mentor: token(mentor),
			coordinator: token(coordinator),
			admin: token(admin),
			staff: token(staff),
			parent: token(parent)
		},
		params: {
			'/admin/erase/[id=id]': { id: vmbo[15] },
			'/admin/groups/[id=id]': { id: kb3 },
			'/admin/import/[id=id]': { id: importId },
			'/admin/users/[id=id]': { id: vmbo[14] },
			'/coordinator/matrix/rounds/[roundId=id]': { roundId },
			'/coordinator/matrix/rounds/[roundId=id]/actions': { roundId },
			'/coordinator/matrix/rounds/[roundId=id]/analysis': { roundId },
			'/coordinator/matrix/rounds/[roundId=id]/cell/[taskId=id]/[actorId=id]': cell,
			'/coordinator/matrix/rounds/[roundId=id]/compare': { roundId },
			'/coordinator/matrix/rounds/[roundId=id]/differences': { roundId },
			'/coordinator/matrix/rounds/[roundId=id]/export.csv': { roundId },
			'/coordinator/matrix/rounds/[roundId=id]/export.zip': { roundId },
			'/coordinator/matrix/rounds/[roundId=id]/print': { roundId },
			'/coordinator/matrix/rounds/[roundId=id]/respondents': { roundId },
			'/lob-taken/rounds/[roundId=id]': { roundId },
			'/lob-taken/rounds/[roundId=id]/cell/[taskId=id]/[actorId=id]': cell,
			'/mentor/conversations/[id=id]': { id: conv!.id },
			'/student/conversations/[id=id]': { id: conv!.id },
			'/mentor/students/[id=id]': { id: student },
			'/mentor/students/[id=id]/reflections/[rid=id]': { id: student, rid: reflectionId },
			'/student/reflections/[id=id]': { id: reflectionId },
			'/student/reflections/[id=id]/attachments': { id: reflectionId },
			'/student/reflections/[id=id]/autosave': { id: reflectionId },
			'/student/reflections/[id=id]/edit': { id: reflectionId },
			'/student/reflections/[id=id]/versions': { id: reflectionId },
			'/files/[id=id]': { id: 0 },
			'/coordinator/programme/[id=id]': { id: activityId },
			'/mentor/activities/[id=id]': { id: mentorActivity },
			'/parent/[studentId=id]': { studentId: student },
			'/parent/[studentId=id]/conversations/[cid=id]': { studentId: student, cid: planned },
			'/parent/[studentId=id]/reflections/[rid=id]': { studentId: student, rid: homeReflection },
			'/agenda/[token].ics': { token: 'x' },
			'/mentor/students/[id=id]/dossier': { id: student },
			'/dossier/[token]': { token: 'x' },
			'/dossier/[token]/files/[id=id]': { token: 'x', id: 0 }
		},
		seeded
	};
}

/** Every free-text cell of this school's rows gets a payload, in turn. */
function poison(db: Db, schoolId: number, payloads: string[]): Record<string, number> {
	const raw = db.$client;
	const seeded: Record<string, number> = {};
	let n = 0;
	for (const [tableName, columns] of Object.entries(FREE_TEXT)) {
		const scope = tableName === 'school' ? 'id' : 'school_id';
		const ids = raw.prepare(`SELECT rowid AS id FROM "${tableName}" WHERE ${scope} = ?`).all(schoolId) as {
			id: number;
		}[];
		for (const column of columns) {
			const update = raw.prepare(`UPDATE "${tableName}" SET "${column}" = ? WHERE rowid = ?`);
			for (const { id } of ids) update.run(payloads[n++ % payloads.length], id);
			seeded[`${tableName}.${column}`] = ids.length;
		}
	}
	return seeded;
}

// Only when run as a script, not when a test imports the World type.
const [tag, payloadFile] = process.argv.slice(2);
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href && tag) {
	const payloads = payloadFile ? (JSON.parse(readFileSync(payloadFile, 'utf8')) as string[]) : [];
	// One IMMEDIATE transaction: it waits for the write lock (busy_timeout) instead of failing with
	// SQLITE_BUSY when the server or another worker's world writes at the same moment.
	const world = getDb()
		.$client.transaction(() => build(tag, payloads))
		.immediate();
	closeDb();
	process.stdout.write(JSON.stringify(world));
}
