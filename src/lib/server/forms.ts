// One way to read a form: parse with zod, and on failure answer 400 with every value echoed back and a
// translated message per field, so the user never loses what they typed.
import { fail, type ActionFailure } from '@sveltejs/kit';
import type { z } from 'zod';
import * as messages from '$lib/paraglide/messages';

export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string | string[]>;
export interface FormFailure {
	values: FormValues;
	errors: FieldErrors;
	message?: string;
}

type MessageFn = (params?: Record<string, unknown>) => string;
const catalogue = messages as unknown as Record<string, MessageFn | undefined>;

// Secrets are never sent back to the browser.
const NOT_ECHOED = /password|code/i;

export function formValues(data: FormData): FormValues {
	const values: FormValues = {};
	for (const key of new Set(data.keys())) {
		const all = data.getAll(key).filter((v): v is string => typeof v === 'string');
		values[key] = all.length > 1 ? all : (all[0] ?? '');
	}
	return values;
}

function echo(values: FormValues): FormValues {
	return Object.fromEntries(Object.entries(values).filter(([k]) => !NOT_ECHOED.test(k)));
}

/** The message at a field for one zod issue. A schema may name a catalogue key as its error. */
export function issueMessage(issue: z.core.$ZodIssue): string {
	const named = catalogue[issue.message];
	if (named) return named();
	switch (issue.code) {
		case 'too_big':
			return messages.field_too_long({ max: Number(issue.maximum) });
		case 'too_small':
			return Number(issue.minimum) <= 1
				? messages.field_required()
				: messages.field_too_short({ min: Number(issue.minimum) });
		case 'invalid_type':
			return messages.field_required();
		case 'invalid_format':
			return issue.format === 'email' ? messages.field_invalid_email() : messages.field_invalid();
		default:
			return messages.field_invalid();
	}
}

export function fieldErrors(error: z.ZodError): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of error.issues) {
		const key = issue.path.length ? String(issue.path[0]) : '_form';
		errors[key] ??= issueMessage(issue);
	}
	return errors;
}

export function invalid(values: FormValues, errors: FieldErrors, message = messages.form_has_errors()) {
	return fail(400, { values: echo(values), errors, message } satisfies FormFailure);
}

export type Parsed<T> =
	{ ok: true; data: T; values: FormValues } | { ok: false; failure: ActionFailure<FormFailure> };

export async function parseForm<S extends z.ZodType>(
	request: Request,
	schema: S
): Promise<Parsed<z.output<S>>> {
	let data: FormData;
	try {
		data = await request.formData();
	} catch {
		return { ok: false, failure: invalid({}, {}, messages.error_generic_text()) };
	}
	const values = formValues(data);
	const result = schema.safeParse(values);
	if (!result.success) return { ok: false, failure: invalid(values, fieldErrors(result.error)) };
	return { ok: true, data: result.data, values };
}
