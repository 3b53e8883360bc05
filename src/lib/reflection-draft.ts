// The student's text, kept in the browser until the server has confirmed it: it survives a reload, a
// closed tab, a dead battery and an expired session. Pure helpers, so they are tested without a browser.
import { COMPETENCY_SLUGS, type CompetencySlug } from './competencies';
import { REFLECTION_PARTS, VISIBILITIES, type Visibility } from './portfolio';

export interface DraftContent {
	title: string;
	doel: string;
	resultaat: string;
	evaluatie: string;
	vervolg: string;
	visibility: Visibility;
	competencies: CompetencySlug[];
}

export interface LocalDraft {
	/** The server version the text was typed on top of; saving it later is checked against this. */
	baseVersion: number;
	changedAt: number;
	content: DraftContent;
}

// One copy per reflection per browser tab: two tabs on the same reflection never overwrite each other's
// unsaved text in the shared localStorage.
// A reflection not saved yet has no id: its copy is kept under its activity ("new-a12") or "new-own".
export function draftPrefix(reflectionId: number | string): string {
	return `koers:reflection:${reflectionId}:`;
}

export function draftKey(reflectionId: number | string, tab: string): string {
	return draftPrefix(reflectionId) + tab;
}

export interface StoredCopy {
	key: string;
	draft: LocalDraft | null;
}

/** Copies equal to the server copy (or unreadable) are dropped; the newest one with other text is offered. */
export function sortOutCopies(
	copies: StoredCopy[],
	server: DraftContent
): { offer?: StoredCopy; drop: string[] } {
	const drop = copies.filter((c) => !shouldOffer(c.draft, server)).map((c) => c.key);
	const offer = copies
		.filter((c) => shouldOffer(c.draft, server))
		.sort((a, b) => (b.draft?.changedAt ?? 0) - (a.draft?.changedAt ?? 0))[0];
	return { offer, drop };
}

export function sameContent(a: DraftContent, b: DraftContent): boolean {
	return (
		a.title === b.title &&
		a.visibility === b.visibility &&
		REFLECTION_PARTS.every((p) => a[p] === b[p]) &&
		[...a.competencies].sort().join() === [...b.competencies].sort().join()
	);
}

/** A stored copy, or null when there is none or it is not ours (another app, an old format). */
export function parseDraft(raw: string | null): LocalDraft | null {
	if (!raw) return null;
	try {
		const v = JSON.parse(raw) as Partial<LocalDraft>;
		const c = v.content as Partial<DraftContent> | undefined;
		if (typeof v.baseVersion !== 'number' || typeof v.changedAt !== 'number' || !c) return null;
		const texts = ['title', ...REFLECTION_PARTS] as const;
		if (!texts.every((k) => typeof c[k] === 'string')) return null;
		if (!VISIBILITIES.includes(c.visibility as Visibility)) return null;
		const competencies = Array.isArray(c.competencies)
			? c.competencies.filter((x): x is CompetencySlug => COMPETENCY_SLUGS.includes(x as CompetencySlug))
			: [];
		return {
			baseVersion: v.baseVersion,
			changedAt: v.changedAt,
			content: { ...(c as DraftContent), competencies }
		};
	} catch {
		return null;
	}
}

/** Offer the local copy back only when it holds text the server does not have. */
export function shouldOffer(local: LocalDraft | null, server: DraftContent): local is LocalDraft {
	return local !== null && !sameContent(local.content, server);
}

/**
 * Whether the student put something in a reflection that does not exist yet: a word in a part, a
 * competency, or a title of their own. Only then is it saved (issue 19, item 15: no empty drafts).
 */
export function hasWords(content: DraftContent, startTitle: string): boolean {
	const title = content.title.trim();
	return (
		REFLECTION_PARTS.some((p) => content[p].trim() !== '') ||
		content.competencies.length > 0 ||
		(title !== '' && title !== startTitle.trim())
	);
}

/** The parts still empty, in order; the hint names them but never blocks saving. */
export function missingParts(
	content: Pick<DraftContent, (typeof REFLECTION_PARTS)[number]>
): (typeof REFLECTION_PARTS)[number][] {
	return REFLECTION_PARTS.filter((p) => content[p].trim() === '');
}

export type FinishGap = (typeof REFLECTION_PARTS)[number] | 'competencies';

/** What still stands between the text and "Klaar" (DOMAIN.md §2): the four C2 parts and a competency. */
export function missingForFinish(
	content: Pick<DraftContent, (typeof REFLECTION_PARTS)[number] | 'competencies'>
): FinishGap[] {
	const gaps: FinishGap[] = content.competencies.length ? [] : ['competencies'];
	return [...gaps, ...missingParts(content)];
}

/** The text a failed form post echoed back (strings, or a list for the checkboxes). */
export function draftFromValues(values: Record<string, unknown>): DraftContent {
	const text = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : '');
	const list = values.competencies;
	const competencies = (Array.isArray(list) ? list : list ? [list] : []).filter((c): c is CompetencySlug =>
		COMPETENCY_SLUGS.includes(c as CompetencySlug)
	);
	return {
		title: text('title'),
		doel: text('doel'),
		resultaat: text('resultaat'),
		evaluatie: text('evaluatie'),
		vervolg: text('vervolg'),
		visibility: VISIBILITIES.find((v) => v === values.visibility) ?? 'mentor',
		competencies
	};
}

/** This browser tab's own name, so two tabs on one reflection keep separate local copies. */
export function tabId(): string {
	let id = sessionStorage.getItem('koers:tab');
	if (!id) {
		id = Math.random().toString(36).slice(2) + Date.now().toString(36);
		sessionStorage.setItem('koers:tab', id);
	}
	return id;
}
