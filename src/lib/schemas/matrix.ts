import { z } from './z';
import { ACTION_STATUSES, DESCRIPTION_MAX, HOW_MAX, NAME_MAX, PARTS, TASK_KINDS } from '../matrix';
import { idSchema } from './people';

const text = (max: number) => z.string().trim().max(max);
const name = z.string().trim().min(1).max(NAME_MAX);
const optionalId = z.union([z.literal('').transform(() => null), idSchema]);

const ratingField = z.union([
	z.literal('').transform(() => null),
	z.coerce
		.number({ error: 'mx_rating_invalid' })
		.int('mx_rating_invalid')
		.min(1, 'mx_rating_invalid')
		.max(4, 'mx_rating_invalid')
]);

export const cellSchema = z.object({
	part: z.enum(PARTS, { error: 'mx_part_invalid' }),
	how: text(HOW_MAX).default(''),
	rating: ratingField,
	wish: text(HOW_MAX).default(''),
	version: z.coerce.number().int().min(0)
});
export type CellInput = z.output<typeof cellSchema>;

export const taskSchema = z.object({
	kind: z.enum(TASK_KINDS, { error: 'mx_kind_invalid' }),
	name,
	description: text(DESCRIPTION_MAX).default('')
});
export const actorSchema = z.object({ name, description: text(DESCRIPTION_MAX).default('') });
export const idFormSchema = z.object({ id: idSchema });
export const moveSchema = z.object({ id: idSchema, direction: z.enum(['up', 'down']) });
export const archiveSchema = z.object({ id: idSchema, archived: z.enum(['true', 'false']) });
export const roundSchema = z.object({ name: z.string().trim().min(1).max(80) });
export const roundStatusSchema = z.object({ status: z.enum(['open', 'closed']) });
export const confirmSchema = z.object({ confirm: z.literal('yes') });
export const inviteSchema = z.object({ userId: idSchema, actorId: optionalId });
export const respondentSchema = z.object({ id: idSchema });
export const linkSchema = z.object({ userId: idSchema, actorId: idSchema });
export const cellRefSchema = z.object({ taskId: idSchema, actorId: idSchema });
// The part has no default: the list starts empty, so nothing is agreed by one click on a majority.
export const agreeSchema = cellRefSchema.extend({
	part: z.enum(PARTS, { error: 'mx_part_invalid' }),
	rating: ratingField,
	version: z.coerce.number().int().min(0)
});
export const actionSchema = z.object({
	taskId: idSchema,
	title: z.string().trim().min(1).max(300),
	// A staff member of the school, or (left empty) the free-text owner for someone outside it.
	ownerUserId: optionalId.default(null),
	owner: text(120).default(''),
	dueOn: z.union([z.literal('').transform(() => null), z.iso.date({ error: 'mx_date_invalid' })])
});
export const actionEditSchema = actionSchema.extend({ id: idSchema });
export const actionStatusSchema = z.object({ id: idSchema, status: z.enum(ACTION_STATUSES) });
