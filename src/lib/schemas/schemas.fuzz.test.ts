// Property tests: every zod schema in this folder answers random input with a validation result, never a
// crash (a throwing refine or transform would become a 500 in the action that uses it). The URL filter
// schemas are read with .parse() and promise to fall back instead of failing, so they must never throw.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';

// Fixed so that a failure reproduces; fast-check prints the seed and the shrunk counterexample.
const FUZZ_SEED = 20261130;
const RUNS = 200;

// Every module of this folder: a new schema file is covered without editing this test.
const modules = Object.fromEntries(
	Object.entries(import.meta.glob<Record<string, unknown>>(['./*.ts', '!./*.test.ts'], { eager: true })).map(
		([path, mod]) => [path.replace(/^\.\/|\.ts$/g, ''), mod]
	)
);
const schemas: [string, z.ZodType][] = Object.entries(modules).flatMap(([mod, exports]) =>
	Object.entries(exports as Record<string, unknown>)
		.filter((e): e is [string, z.ZodType] => e[1] instanceof z.ZodType)
		.map(([name, schema]) => [`${mod}.${name}`, schema] as [string, z.ZodType])
);

// Schemas of URL filters: pages call .parse() on the query string, trusting their .catch() fallbacks.
const URL_FILTERS = [
	'people.peopleFilterSchema',
	'school.auditSearchSchema',
	'groups.candidateFilterSchema',
	'reflections.reflectionFilterSchema'
];

/** The object keys a schema reads (through refine/extend wrappers), so random values land on real fields. */
function keysOf(schema: z.ZodType): string[] {
	const def = (schema as unknown as { def?: { shape?: Record<string, unknown>; in?: z.ZodType } }).def;
	if (def?.shape) return Object.keys(def.shape);
	if (def?.in) return keysOf(def.in);
	return [];
}

const hostileString = fc.oneof(
	fc.string({ unit: 'grapheme', maxLength: 40 }),
	fc.string({ unit: 'binary', maxLength: 40 }),
	fc.constantFrom('', ' ', '0', '-1', '1e400', 'NaN', 'Infinity', '9007199254740993', '__proto__', 'true'),
	fc.constantFrom('x'.repeat(100_000), '\u0000', '\uD800', '<script>alert(1)</script>', '2026-02-30'),
	fc.integer().map(String),
	fc.double().map(String)
);
// A form field as formValues() hands it over: one string or several.
const formValue = fc.oneof(hostileString, fc.array(hostileString, { maxLength: 4 }));

function formFor(schema: z.ZodType) {
	const keys = keysOf(schema);
	const known = keys.length
		? fc.record(Object.fromEntries(keys.map((k) => [k, formValue])), { requiredKeys: [] })
		: fc.constant({});
	return fc
		.tuple(known, fc.dictionary(fc.string({ maxLength: 12 }), formValue, { maxKeys: 4 }))
		.map(([a, b]) => ({ ...b, ...a }));
}

describe('zod schemas under random input', () => {
	it('finds the schemas', () => {
		expect(schemas.length).toBeGreaterThan(40);
		for (const name of [...URL_FILTERS, 'transfer.portfolioExportSchema'])
			expect(schemas.map(([n]) => n)).toContain(name);
	});

	for (const [name, schema] of schemas) {
		it(`${name}: safeParse never throws`, () => {
			fc.assert(
				fc.property(fc.oneof(formFor(schema), fc.anything()), (input) => {
					const result = schema.safeParse(input);
					expect(typeof result.success).toBe('boolean');
				}),
				{ seed: FUZZ_SEED, numRuns: RUNS }
			);
		});
	}

	for (const name of URL_FILTERS) {
		it(`${name}: parse of any query string falls back instead of throwing`, () => {
			const schema = schemas.find(([n]) => n === name)![1];
			fc.assert(
				fc.property(
					formFor(schema).map((o) =>
						Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Array.isArray(v) ? (v[0] ?? '') : v]))
					),
					(query) => {
						expect(() => schema.parse(query)).not.toThrow();
					}
				),
				{ seed: FUZZ_SEED, numRuns: RUNS }
			);
		});
	}
});
