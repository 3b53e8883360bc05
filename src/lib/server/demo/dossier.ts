// Demo dossier (issue 19): the decaan's requirements per leerjaar/level, evidence on Sanne's reflections (a
// photo of the gastles with the handout as a PDF, a photo of her meeloopdag), sign-offs in 3KB-A, and an
// old share link that an mbo intake opened three times. Runs after seedReflections and seedDialog.
import { randomBytes, createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { DemoContext } from './context';
import { attachment, reflection } from '../db/schema-portfolio';
import { dossierRequirement, dossierShare, dossierSignoff } from '../db/schema-dossier';
import { uploadsPath } from '../portfolio/attachments';
import { GASTLES_JPG, KAPSALON_JPG } from './dossier-assets';
import { onePagePdf } from './pdf';

function addFile(
	ctx: DemoContext,
	studentId: number,
	title: string,
	file: { name: string; mimeType: 'image/jpeg' | 'application/pdf'; bytes: Buffer }
): void {
	const target = ctx.db
		.select({ id: reflection.id })
		.from(reflection)
		.where(and(eq(reflection.studentId, studentId), eq(reflection.title, title)))
		.get();
	if (!target) return;
	const storageKey = randomBytes(18).toString('base64url');
	mkdirSync(uploadsPath(), { recursive: true });
	writeFileSync(join(uploadsPath(), storageKey), file.bytes);
	ctx.db
		.insert(attachment)
		.values({
			schoolId: ctx.schoolId,
			studentId,
			reflectionId: target.id,
			fileName: file.name,
			mimeType: file.mimeType,
			size: file.bytes.byteLength,
			storageKey
		})
		.run();
}

export function seedDossier(ctx: DemoContext): void {
	ctx.db
		.insert(dossierRequirement)
		.values([
			{ schoolId: ctx.schoolId, cohort: 'vmbo-kb 3', perCompetency: 1, conversations: 2, vervolgGoal: true },
			{
				schoolId: ctx.schoolId,
				cohort: 'mbo niveau 2 Zorg en welzijn',
				perCompetency: 1,
				conversations: 1,
				vervolgGoal: true
			}
		])
		.run();
	const [sanne, , , , noa, finn] = ctx.students.vmbo;
	addFile(ctx, sanne, 'Gastles verpleegkundige', {
		name: 'foto-gastles.jpg',
		mimeType: 'image/jpeg',
		bytes: Buffer.from(GASTLES_JPG, 'base64')
	});
	addFile(ctx, sanne, 'Gastles verpleegkundige', {
		name: 'Programma gastles verpleegkunde.pdf',
		mimeType: 'application/pdf',
		bytes: onePagePdf([
			'Gastles: een dag als verpleegkundige',
			'24 september 2026, lokaal 2.14',
			'07:00 overdracht - 08:00 zorgronde - 10:30 medicijnen',
			'Vragen? Stel ze aan je mentor.'
		])
	});
	addFile(ctx, sanne, 'Meeloopdag bij Kapsalon Knipwerk', {
		name: 'kapsalon-knipwerk.jpg',
		mimeType: 'image/jpeg',
		bytes: Buffer.from(KAPSALON_JPG, 'base64')
	});
	const signed = (studentId: number, status: 'afgerond' | 'nog_niet', reason: string, on: string) => ({
		schoolId: ctx.schoolId,
		studentId,
		schoolYearId: ctx.schoolYearId,
		status,
		reason,
		signedBy: ctx.mentors.jansen,
		signedAt: new Date(on)
	});
	ctx.db
		.insert(dossierSignoff)
		.values([
			signed(
				sanne,
				'nog_niet',
				'Je tweede loopbaangesprek mist nog. Plan het met mij voor de kerstvakantie.',
				'2026-11-26T15:10:00Z'
			),
			signed(noa, 'afgerond', '', '2026-11-25T14:00:00Z'),
			signed(
				finn,
				'nog_niet',
				'Schrijf nog een reflectie over wie jou kan helpen (Netwerken).',
				'2026-11-25T14:20:00Z'
			)
		])
		.run();
	// A link Sanne made for an open day intake; it has run out. Its token was never kept, only its hash.
	ctx.db
		.insert(dossierShare)
		.values({
			schoolId: ctx.schoolId,
			studentId: sanne,
			tokenHash: createHash('sha256').update(randomBytes(20)).digest(),
			part: 'all',
			recipient: 'Intake Da Vinci College',
			expiresOn: '2026-11-30',
			createdAt: new Date('2026-11-16T18:00:00Z'),
			views: 3,
			lastViewedAt: new Date('2026-11-19T09:42:00Z')
		})
		.run();
}
