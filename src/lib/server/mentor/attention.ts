// Why a student needs the mentor's attention: the reasons the overview shows per row and filters on.

/** One reason, with the figure its sentence needs. */
export type AttentionReason =
	| { kind: 'quiet'; weeks: number }
	| { kind: 'neverWrote' }
	| { kind: 'replies'; count: number }
	| { kind: 'overdue'; count: number }
	| { kind: 'noTalk' };

export interface AttentionFigures {
	lastActivity: number | null;
	unanswered: number;
	overdueGoals: number;
	/** Conversations held, or planned from today, in this school year. */
	talksThisYear: number;
}

const WEEK = 7 * 24 * 3600 * 1000;

/** The reasons, in the order a mentor acts on them; none when nothing calls for a talk. */
export function attentionReasons(
	f: AttentionFigures,
	quietWeeks: number,
	now: number = Date.now()
): AttentionReason[] {
	const reasons: AttentionReason[] = [];
	if (f.unanswered > 0) reasons.push({ kind: 'replies', count: f.unanswered });
	if (f.lastActivity === null) reasons.push({ kind: 'neverWrote' });
	else if (now - f.lastActivity >= quietWeeks * WEEK)
		reasons.push({ kind: 'quiet', weeks: Math.floor((now - f.lastActivity) / WEEK) });
	if (f.overdueGoals > 0) reasons.push({ kind: 'overdue', count: f.overdueGoals });
	if (f.talksThisYear === 0) reasons.push({ kind: 'noTalk' });
	return reasons;
}
