// An audit event as one plain sentence in the reader's language: who did what with whose file. New events
// keep their facts as JSON in `detail`; older ones have free text, which is read where it can be.
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { auditActionText, auditRolesText } from '$lib/audit-text';
import { formatDate } from '$lib/reflection-text';

export interface AuditLine {
	action: string;
	detail: string;
	actorName: string | null;
	actorRoles: string | null;
	subjectName: string | null;
}

type Facts = Record<string, unknown>;

const FIELD: Record<string, () => string> = {
	studentNumber: m.imp_field_studentNumber,
	givenName: m.imp_field_givenName,
	familyNamePrefix: m.imp_field_familyNamePrefix,
	familyName: m.imp_field_familyName,
	group: m.imp_field_group,
	email: m.imp_field_email
};

/** The facts of an event: its JSON, or what an older free-text detail says. */
export function auditFacts(action: string, detail: string): Facts {
	if (detail.startsWith('{')) {
		try {
			const parsed: unknown = JSON.parse(detail);
			if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Facts;
		} catch {
			// Free text that happens to start with a brace.
		}
	}
	if (action === 'import.apply') {
		const old = /^(.*?)( \(staff\))?: (\{.*\})$/.exec(detail);
		if (old) {
			try {
				return { file: old[1], kind: old[2] ? 'staff' : 'students', counts: JSON.parse(old[3]) };
			} catch {
				return { file: old[1] };
			}
		}
	}
	if (action === 'user.update') {
		const years = /^bewaartermijn (\d+) jaar$/.exec(detail);
		if (years) return { retentionYears: Number(years[1]) };
	}
	if (action === 'schoolYear.start') {
		const old = /^(.*); (\d+) groepen gesloten$/.exec(detail);
		if (old) return { name: old[1], closedGroups: Number(old[2]) };
	}
	return { text: detail };
}

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const num = (v: unknown) => (typeof v === 'number' ? v : 0);

function changesText(changes: unknown): string {
	if (!Array.isArray(changes)) return '';
	return changes
		.map((c: Facts) =>
			m.imp_change({
				field: FIELD[str(c.field)]?.() ?? str(c.field),
				from: str(c.from) || m.imp_empty(),
				to: str(c.to) || m.imp_empty()
			})
		)
		.join('; ');
}

export function auditSentence(e: AuditLine): string {
	const role = auditRolesText(e.actorRoles);
	const who = e.actorName
		? role
			? m.aud_who_role({ name: e.actorName, role })
			: e.actorName
		: m.aud_system();
	const subject = e.subjectName ?? m.aud_someone();
	const f = auditFacts(e.action, e.detail);
	const file = str(f.file);
	const counts = (f.counts ?? {}) as Facts;
	switch (e.action) {
		case 'portfolio.view':
			// What was seen: the mentor's overview or what the student shares at home (older entries: neither).
			if (f.seen === 'summary') return m.aud_portfolio_view_summary({ who, subject });
			if (f.seen === 'home') return m.aud_portfolio_view_home({ who, subject });
			return m.aud_portfolio_view({ who, subject });
		case 'reflection.view':
			return m.aud_reflection_view({ who, subject, title: str(f.text) });
		case 'file.view':
			return m.aud_file_view({ who, subject, file: str(f.text) });
		case 'export.download':
			return m.aud_export_download({ who, subject });
		case 'user.create':
			return m.aud_user_create({ who, subject });
		case 'user.update':
			return f.retentionYears !== undefined
				? m.aud_retention({ who, years: num(f.retentionYears) })
				: m.aud_user_update({ who, subject });
		case 'user.deactivate':
			return m.aud_user_deactivate({ who, subject });
		case 'user.reactivate':
			return m.aud_user_reactivate({ who, subject });
		case 'user.erase':
			return m.aud_user_erase({ who });
		case 'password.reset':
			return m.aud_password_reset({ who, subject });
		case 'loginCode.create':
			return m.aud_loginCode_create({ who, subject });
		case 'import.apply':
			if (!file) return m.aud_import_generic({ who });
			return f.kind === 'staff'
				? m.aud_import_staff({
						who,
						file,
						create: num(counts.create),
						update: num(counts.update),
						add_role: num(counts.add_role)
					})
				: m.aud_import_students({
						who,
						file,
						create: num(counts.create),
						update: num(counts.update),
						move: num(counts.move),
						leave: num(counts.leave)
					});
		case 'import.change':
			if (f.created) return m.aud_import_create({ who, subject, file, group: str(f.group) });
			if (f.left) return m.aud_import_leave({ who, subject, file });
			if (f.returned && !changesText(f.changes)) return m.aud_import_return({ who, subject, file });
			return m.aud_import_update({ who, subject, file, changes: changesText(f.changes) });
		case 'schoolYear.stage':
			return m.aud_schoolYear_stage({
				who,
				name: str(f.name),
				date: f.startsOn ? formatDate(str(f.startsOn), getLocale()) : ''
			});
		case 'schoolYear.start':
			return f.early
				? m.aud_schoolYear_start_early({
						who,
						name: str(f.name),
						count: num(f.closedGroups),
						reason: str(f.reason)
					})
				: m.aud_schoolYear_start({ name: str(f.name), count: num(f.closedGroups) });
		case 'conversation.update':
			return m.aud_conversation_update({ who, subject });
		case 'goal.update':
			return m.aud_goal_update({ who, subject });
		case 'parent.link':
			return m.aud_parent_link({ who, subject, parent: str(f.parent) || m.aud_someone() });
		case 'parent.unlink':
			return m.aud_parent_unlink({ who, subject, parent: str(f.parent) || m.aud_someone() });
		default:
			return m.aud_other({ who, what: auditActionText(e.action) });
	}
}
