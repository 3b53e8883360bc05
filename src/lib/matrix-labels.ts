// Translated labels for the matrix vocabulary, in one place for pages, components and the export.
import { m } from '$lib/paraglide/messages';
import type { ActionStatus, Part, TaskKind } from './matrix';

export const kindLabel: Record<TaskKind, () => string> = {
	begeleidend: m.mx_kind_begeleidend,
	coordinerend: m.mx_kind_coordinerend,
	beleidsmatig: m.mx_kind_beleidsmatig,
	management: m.mx_kind_management
};

export const partLabel: Record<Part, () => string> = {
	eindverantwoordelijk: m.mx_part_eindverantwoordelijk,
	uitvoerend: m.mx_part_uitvoerend,
	ondersteunend: m.mx_part_ondersteunend,
	geinformeerd: m.mx_part_geinformeerd,
	geen: m.mx_part_geen
};

export const partShort: Record<Part, () => string> = {
	eindverantwoordelijk: m.mx_short_eindverantwoordelijk,
	uitvoerend: m.mx_short_uitvoerend,
	ondersteunend: m.mx_short_ondersteunend,
	geinformeerd: m.mx_short_geinformeerd,
	geen: m.mx_short_geen
};

export const ratingLabel: Record<number, () => string> = {
	1: m.mx_rating_1,
	2: m.mx_rating_2,
	3: m.mx_rating_3,
	4: m.mx_rating_4
};

export const actionStatusLabel: Record<ActionStatus, () => string> = {
	open: m.mx_act_status_open,
	bezig: m.mx_act_status_bezig,
	klaar: m.mx_act_status_klaar
};
