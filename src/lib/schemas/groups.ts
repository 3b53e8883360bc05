import { z } from './z';
import { idSchema, many } from './people';

export const groupSchema = z.object({
	name: z.string().trim().min(1).max(60),
	// e.g. "vmbo-kb 3" or "mbo niveau 2 Zorg en welzijn"
	programme: z.string().trim().max(100).default('')
});
export type GroupInput = z.output<typeof groupSchema>;

export const addMembersSchema = z.object({
	userIds: many(z.array(idSchema).min(1, { error: 'admin_group_pick_someone' }).max(500))
});

export const memberSchema = z.object({ userId: idSchema });

/** The search boxes on a group page: students (sq, free) and mentors (mq); odd values become defaults. */
export const candidateFilterSchema = z.object({
	sq: z.string().trim().max(100).catch(''),
	mq: z.string().trim().max(100).catch(''),
	free: z
		.string()
		.optional()
		.catch(undefined)
		.transform((v) => v === '1')
});
