// The field names every zod schema of the app reads, so the fuzz suite's random forms hit real fields.
import { z } from 'zod';
import * as auth from '../../src/lib/schemas/auth';
import * as dialog from '../../src/lib/schemas/dialog';
import * as groups from '../../src/lib/schemas/groups';
import * as growth from '../../src/lib/schemas/growth';
import * as importing from '../../src/lib/schemas/import';
import * as matrix from '../../src/lib/schemas/matrix';
import * as people from '../../src/lib/schemas/people';
import * as reflections from '../../src/lib/schemas/reflections';
import * as school from '../../src/lib/schemas/school';
import * as transfer from '../../src/lib/schemas/transfer';

function keysOf(schema: z.ZodType): string[] {
	const def = (schema as unknown as { def?: { shape?: Record<string, unknown>; in?: z.ZodType } }).def;
	if (def?.shape) return Object.keys(def.shape);
	if (def?.in) return keysOf(def.in);
	return [];
}

export const FIELD_NAMES: string[] = [
	...new Set(
		[auth, dialog, groups, growth, importing, matrix, people, reflections, school, transfer].flatMap((mod) =>
			Object.values(mod as Record<string, unknown>)
				.filter((v): v is z.ZodType => v instanceof z.ZodType)
				.flatMap(keysOf)
		)
	)
].sort();
