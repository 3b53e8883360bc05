// How a share link's part is named to the student, the reader of the link and under "Wie keek mee?".
import { m } from '$lib/paraglide/messages';
import { competencyText } from './competency-text';
import type { SharePart } from './portfolio';

export function shareText(part: SharePart): string {
	return part === 'all'
		? m.dos_share_part_all()
		: m.dos_share_part_one({ question: competencyText[part].question() });
}
