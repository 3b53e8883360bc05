// Self-ratings and goals: what a student thinks they can do now, and what they plan next. Both belong to
// one student; scope: studentScope with the selfRating.* and goal.* operations (the student writes, their
// mentor reads).
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { getDb } from '../db';
import * as portfolio from '../db/schema-portfolio';
import { canOn, studentScope } from '../access';
import { reflectionWriteScope } from '../access-scopes/reflections';
import type { Viewer } from '../auth/viewer';
import { COMPETENCY_SLUGS, type CompetencySlug } from '../../competencies';
import type { GoalStatus } from '../../portfolio';
import { GOAL_TITLE_MAX, type GoalInput, type RatingInput } from '../../schemas/growth';

export interface RatingDto {
	id: number;
	competency: CompetencySlug;
	level: number;
	note: string;
	createdAt: Date;
	/** The previous school it came from with a transfer, or null. */
	fromSchool: string | null;
}

export interface GoalDto {
	id: number;
	competency: CompetencySlug | null;
	title: string;
	description: string;
	dueOn: string | null;
	status: GoalStatus;
	sourceReflectionId: number | null;
	createdAt: Date;
	updatedAt: Date;
	fromSchool: string | null;
}

const rating = portfolio.selfRating;
const goal = portfolio.goal;
const transfer = portfolio.transfer;

/** Every self-rating of one student, newest first (the viewer's own unless a mentor asks for a mentee). */
export function listRatings(viewer: Viewer, studentId: number = viewer.userId): RatingDto[] {
	return getDb()
		.select({
			id: rating.id,
			competency: rating.competency,
			level: rating.level,
			note: rating.note,
			createdAt: rating.createdAt,
			fromSchool: transfer.fromSchool
		})
		.from(rating)
		.leftJoin(transfer, eq(transfer.id, rating.transferId))
		.where(
			and(
				eq(rating.studentId, studentId),
				eq(rating.schoolId, viewer.schoolId),
				studentScope(viewer, 'selfRating.read', rating.studentId)
			)
		)
		.orderBy(desc(rating.createdAt), desc(rating.id))
		.all();
}

/** The newest rating per competency, from a newest-first list. */
export function latestRatings(ratings: RatingDto[]): Partial<Record<CompetencySlug, RatingDto>> {
	const latest: Partial<Record<CompetencySlug, RatingDto>> = {};
	for (const r of ratings) latest[r.competency] ??= r;
	return latest;
}

/** A new rating; earlier ones stay, so growth shows. Undefined when the viewer may not rate themself. */
export function addRating(viewer: Viewer, input: RatingInput): number | undefined {
	if (!canOn(viewer, 'selfRating.write', 'self')) return undefined;
	return getDb()
		.insert(rating)
		.values({
			schoolId: viewer.schoolId,
			studentId: viewer.userId,
			competency: input.competency,
			level: input.level,
			note: input.note
		})
		.returning({ id: rating.id })
		.get().id;
}

const goalColumns = {
	id: goal.id,
	competency: goal.competency,
	title: goal.title,
	description: goal.description,
	dueOn: goal.dueOn,
	status: goal.status,
	sourceReflectionId: goal.sourceReflectionId,
	createdAt: goal.createdAt,
	updatedAt: goal.updatedAt,
	fromSchool: transfer.fromSchool
};

/** Goals of one student: open ones first by due date, then the rest, newest first. */
export function listGoals(viewer: Viewer, studentId: number = viewer.userId): GoalDto[] {
	return getDb()
		.select(goalColumns)
		.from(goal)
		.leftJoin(transfer, eq(transfer.id, goal.transferId))
		.where(
			and(
				eq(goal.studentId, studentId),
				eq(goal.schoolId, viewer.schoolId),
				studentScope(viewer, 'goal.read', goal.studentId)
			)
		)
		.orderBy(
			sql`case ${goal.status} when 'open' then 0 else 1 end`,
			sql`${goal.dueOn} is null`,
			asc(goal.dueOn),
			desc(goal.updatedAt),
			desc(goal.id)
		)
		.all();
}

function ownGoal(viewer: Viewer, goalId: number) {
	return and(
		eq(goal.id, goalId),
		eq(goal.schoolId, viewer.schoolId),
		studentScope(viewer, 'goal.write', goal.studentId)
	);
}

export function addGoal(viewer: Viewer, input: GoalInput, sourceReflectionId: number | null = null) {
	if (!canOn(viewer, 'goal.write', 'self')) return undefined;
	return getDb()
		.insert(goal)
		.values({
			schoolId: viewer.schoolId,
			studentId: viewer.userId,
			competency: input.competency,
			title: input.title,
			description: input.description,
			dueOn: input.dueOn,
			sourceReflectionId,
			createdBy: viewer.userId
		})
		.returning({ id: goal.id })
		.get().id;
}

/** False when the goal is not the viewer's own (the page then answers 404, as for a missing goal). */
export function updateGoal(viewer: Viewer, goalId: number, input: GoalInput): boolean {
	const res = getDb()
		.update(goal)
		.set({
			competency: input.competency,
			title: input.title,
			description: input.description,
			dueOn: input.dueOn,
			updatedAt: new Date()
		})
		.where(ownGoal(viewer, goalId))
		.run();
	return res.changes > 0;
}

export function setGoalStatus(viewer: Viewer, goalId: number, status: GoalStatus): boolean {
	const res = getDb()
		.update(goal)
		.set({ status, updatedAt: new Date() })
		.where(ownGoal(viewer, goalId))
		.run();
	return res.changes > 0;
}

export type FromReflection = { goalId: number; created: boolean } | { empty: true };

/**
 * Turns a reflection's next step (vervolg) into a goal. Undefined when the reflection is not the viewer's
 * own, exactly as if it did not exist. Tapping twice gives the same goal, not a copy.
 */
export function goalFromReflection(viewer: Viewer, reflectionId: number): FromReflection | undefined {
	const db = getDb();
	const r = portfolio.reflection;
	const source = db
		.select({
			vervolg: r.vervolg,
			competencies: sql<string | null>`(select group_concat(${portfolio.reflectionCompetency.competency})
				from ${portfolio.reflectionCompetency}
				where ${portfolio.reflectionCompetency.reflectionId} = ${r.id})`
		})
		.from(r)
		.where(and(eq(r.id, reflectionId), reflectionWriteScope(viewer)))
		.get();
	if (!source) return undefined;
	const text = source.vervolg.trim();
	if (!text) return { empty: true };
	const existing = db
		.select({ id: goal.id })
		.from(goal)
		.where(and(eq(goal.sourceReflectionId, reflectionId), eq(goal.studentId, viewer.userId)))
		.get();
	if (existing) return { goalId: existing.id, created: false };
	const tagged = (source.competencies ?? '').split(',');
	const competency = COMPETENCY_SLUGS.find((c) => tagged.includes(c)) ?? null;
	const goalId = addGoal(viewer, { ...goalFromText(text), competency, dueOn: null }, reflectionId);
	return goalId === undefined ? undefined : { goalId, created: true };
}

/** A goal title is the first sentence of the text (shortened); the whole text becomes its description. */
export function goalFromText(text: string): { title: string; description: string } {
	const firstLine = text.split(/\r?\n/)[0].trim();
	const sentence = firstLine.match(/^.*?[.!?](\s|$)/)?.[0].trim() ?? firstLine;
	const title =
		sentence.length <= GOAL_TITLE_MAX ? sentence : sentence.slice(0, GOAL_TITLE_MAX - 1).trimEnd() + '…';
	return { title, description: title === text ? '' : text.slice(0, 1000) };
}
