import { z } from 'zod';

export const idSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const studentIdSchema = z.object({ studentId: idSchema });
