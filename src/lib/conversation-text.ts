import { m } from '$lib/paraglide/messages';
import { formatDate } from '$lib/reflection-text';

/** "3 december 2026 om 14:30", or the date alone when the conversation has no time. */
export function formatWhen(plannedAt: string, plannedTime: string | null, locale: string): string {
	const date = formatDate(plannedAt, locale);
	return plannedTime ? m.dlg_when_at({ date, time: plannedTime }) : date;
}
