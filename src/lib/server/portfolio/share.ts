// Read-only links to the student's dossier for the next school (issue 19 item 5; Mahara's secret URL). The
// student chooses the part and the last day; only the token's SHA-256 is kept, so a copy of the database
// opens nothing. A revoked, expired or unknown link, or one of a student who left, looks like a missing page.
import { createHash } from 'node:crypto';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { and, count, desc, eq, gte, isNull, sql } from 'drizzle-orm';
import type { Viewer } from '../auth/viewer';
import { canOn } from '../access';
import { getDb, type Db } from '../db';
import * as core from '../db/schema';
import * as portfolio from '../db/schema-portfolio';
import { dossierShare } from '../db/schema-dossier';
import { amsterdamToday } from '../programme/today';
import type { SharePart } from '../../portfolio';
import type { CompetencySlug } from '../../competencies';
import type { ShareInput } from '../../schemas/dossier';
import { fullName } from '$lib/names';
import { readStoredFile, type StoredFile } from './attachments';
import {
	dossierEvidence,
	dossierReflections,
	ownerOfShare,
	type DossierOwner,
	type DossierReflection,
	type EvidenceFile
} from './dossier-content';
import { groupByCompetency } from './dossier';
import { signoffOfOwner, type Signoff } from './signoff';

export const MAX_ACTIVE_SHARES = 10;
const TOKEN = /^[a-z2-7]{32}$/;

function hashOf(token: string): Buffer {
	return createHash('sha256').update(token).digest();
}

/** The last day a link may open: a year from today, so no link is forgotten for ever. */
export function latestExpiry(today: string): string {
	const d = new Date(`${today}T12:00:00Z`);
	d.setUTCFullYear(d.getUTCFullYear() + 1);
	return d.toISOString().slice(0, 10);
}

export type CreateResult = { ok: true; token: string } | { ok: false; reason: 'past' | 'far' | 'too_many' };

/** Makes a link; the token is returned once and never stored. Undefined when the viewer is not a student. */
export function createShare(
	viewer: Viewer,
	input: ShareInput,
	today = amsterdamToday(),
	db: Db = getDb()
): CreateResult | undefined {
	if (!canOn(viewer, 'dossier.share', 'self')) return undefined;
	if (input.expiresOn < today) return { ok: false, reason: 'past' };
	if (input.expiresOn > latestExpiry(today)) return { ok: false, reason: 'far' };
	const active =
		db
			.select({ n: count() })
			.from(dossierShare)
			.where(
				and(
					eq(dossierShare.studentId, viewer.userId),
					isNull(dossierShare.revokedAt),
					gte(dossierShare.expiresOn, today)
				)
			)
			.get()?.n ?? 0;
	if (active >= MAX_ACTIVE_SHARES) return { ok: false, reason: 'too_many' };
	const token = encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));
	db.insert(dossierShare)
		.values({
			schoolId: viewer.schoolId,
			studentId: viewer.userId,
			tokenHash: hashOf(token),
			part: input.part,
			recipient: input.recipient,
			expiresOn: input.expiresOn
		})
		.run();
	return { ok: true, token };
}

export interface ShareItem {
	id: number;
	part: SharePart;
	recipient: string;
	expiresOn: string;
	createdAt: number;
	revokedAt: number | null;
	views: number;
	lastViewedAt: number | null;
	state: 'active' | 'expired' | 'revoked';
}

/** The student's own links, newest first, with how often each was opened. */
export function listShares(viewer: Viewer, today = amsterdamToday(), db: Db = getDb()): ShareItem[] {
	if (!canOn(viewer, 'dossier.share', 'self')) return [];
	return db
		.select({
			id: dossierShare.id,
			part: dossierShare.part,
			recipient: dossierShare.recipient,
			expiresOn: dossierShare.expiresOn,
			createdAt: dossierShare.createdAt,
			revokedAt: dossierShare.revokedAt,
			views: dossierShare.views,
			lastViewedAt: dossierShare.lastViewedAt
		})
		.from(dossierShare)
		.where(and(eq(dossierShare.studentId, viewer.userId), eq(dossierShare.schoolId, viewer.schoolId)))
		.orderBy(desc(dossierShare.createdAt), desc(dossierShare.id))
		.all()
		.map((s) => ({
			...s,
			createdAt: s.createdAt.getTime(),
			revokedAt: s.revokedAt?.getTime() ?? null,
			lastViewedAt: s.lastViewedAt?.getTime() ?? null,
			state: s.revokedAt ? 'revoked' : s.expiresOn < today ? 'expired' : 'active'
		}));
}

/** Stops a link at once; false when it is not the viewer's own. */
export function revokeShare(viewer: Viewer, shareId: number, db: Db = getDb()): boolean {
	if (!canOn(viewer, 'dossier.share', 'self')) return false;
	const done = db
		.update(dossierShare)
		.set({ revokedAt: new Date() })
		.where(
			and(
				eq(dossierShare.id, shareId),
				eq(dossierShare.studentId, viewer.userId),
				isNull(dossierShare.revokedAt)
			)
		)
		.run();
	return done.changes > 0;
}

interface OpenShare {
	id: number;
	owner: DossierOwner;
	part: SharePart;
	expiresOn: string;
	name: string;
	school: string;
}

/** A link that opens today: known, not revoked, not past its last day, of a student still at school. */
function findShare(token: string, today: string, db: Db): OpenShare | undefined {
	if (!TOKEN.test(token)) return undefined;
	const row = db
		.select({
			id: dossierShare.id,
			studentId: dossierShare.studentId,
			schoolId: dossierShare.schoolId,
			part: dossierShare.part,
			expiresOn: dossierShare.expiresOn,
			given: core.user.givenName,
			prefix: core.user.familyNamePrefix,
			family: core.user.familyName,
			school: core.school.name
		})
		.from(dossierShare)
		.innerJoin(core.user, eq(core.user.id, dossierShare.studentId))
		.innerJoin(core.school, eq(core.school.id, dossierShare.schoolId))
		.innerJoin(core.userRole, and(eq(core.userRole.userId, core.user.id), eq(core.userRole.role, 'student')))
		.where(
			and(
				eq(dossierShare.tokenHash, hashOf(token)),
				isNull(dossierShare.revokedAt),
				gte(dossierShare.expiresOn, today),
				eq(core.user.active, true),
				eq(core.user.schoolId, dossierShare.schoolId)
			)
		)
		.get();
	if (!row) return undefined;
	return {
		id: row.id,
		owner: ownerOfShare(row),
		part: row.part,
		expiresOn: row.expiresOn,
		name: fullName({ givenName: row.given, familyNamePrefix: row.prefix, familyName: row.family }),
		school: row.school
	};
}

export type SharedReflection = DossierReflection & { evidence: EvidenceFile[] };

export interface SharedDossier {
	name: string;
	school: string;
	part: SharePart;
	expiresOn: string;
	byCompetency: { competency: CompetencySlug | null; reflections: SharedReflection[] }[];
	/** Only with the whole dossier. */
	signoff: Signoff | null;
}

/** What a link shows, counting the view; undefined when the link does not open (today). */
export function openShare(
	token: string,
	today = amsterdamToday(),
	db: Db = getDb()
): SharedDossier | undefined {
	const share = findShare(token, today, db);
	if (!share) return undefined;
	db.update(dossierShare)
		.set({ views: sql`${dossierShare.views} + 1`, lastViewedAt: new Date() })
		.where(eq(dossierShare.id, share.id))
		.run();
	const reflections = dossierReflections(share.owner, share.part, db);
	const evidence = dossierEvidence(
		share.owner,
		reflections.map((r) => r.id),
		db
	);
	return {
		name: share.name,
		school: share.school,
		part: share.part,
		expiresOn: share.expiresOn,
		byCompetency: groupByCompetency(reflections.map((r) => ({ ...r, evidence: evidence.get(r.id) ?? [] }))),
		signoff: share.part === 'all' ? signoffOfOwner(share.owner, db) : null
	};
}

/** A file of a reflection inside the link's part, or undefined; opening a file is not counted as a view. */
export function readSharedFile(
	token: string,
	attachmentId: number,
	today = amsterdamToday(),
	db: Db = getDb()
): StoredFile | undefined {
	const share = findShare(token, today, db);
	if (!share) return undefined;
	const inPart = dossierReflections(share.owner, share.part, db).map((r) => r.id);
	const a = portfolio.attachment;
	const row = db
		.select({
			reflectionId: a.reflectionId,
			studentId: a.studentId,
			fileName: a.fileName,
			mimeType: a.mimeType,
			storageKey: a.storageKey
		})
		.from(a)
		.where(and(eq(a.id, attachmentId), eq(a.studentId, share.owner.studentId)))
		.get();
	if (!row || !inPart.includes(row.reflectionId)) return undefined;
	return readStoredFile(row, attachmentId);
}

/** For "Wie keek mee?": the student's links that were opened, and how often. */
export function listShareViews(viewer: Viewer, db: Db = getDb()) {
	return listShares(viewer, amsterdamToday(), db).filter((s) => s.views > 0);
}
