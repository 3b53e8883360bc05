import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loginSchema, newPasswordSchema } from '../schemas/auth';
import { formValues, parseForm } from './forms';

function post(fields: Record<string, string | string[]>): Request {
	const body = new FormData();
	for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
	return new Request('http://localhost/x', { method: 'POST', body });
}

describe('parseForm', () => {
	it('returns the parsed data when the form is valid', async () => {
		const parsed = await parseForm(post({ username: ' sanne ', password: 'geheim' }), loginSchema);
		expect(parsed.ok && parsed.data).toEqual({ username: 'sanne', password: 'geheim' });
	});

	it('answers 400 with values echoed, but never passwords or codes', async () => {
		const parsed = await parseForm(
			post({ username: 'sanne', password: '', code: 'ABCDE', redirectTo: '/mentor' }),
			loginSchema
		);
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.failure.status).toBe(400);
		expect(parsed.failure.data.values).toEqual({ username: 'sanne', redirectTo: '/mentor' });
		expect(parsed.failure.data.errors).toEqual({ password: 'Vul dit in.' });
		expect(parsed.failure.data.message).toBeTruthy();
	});

	it('a 10,000-character field gets a clear "too long" message, not an exception', async () => {
		const long = 'x'.repeat(10_000);
		const parsed = await parseForm(post({ username: long, password: long }), loginSchema);
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.failure.data.errors.username).toMatch(/100/);
		expect(parsed.failure.data.errors.password).toMatch(/200/);
		expect(parsed.failure.data.values).toEqual({ username: long });
	});

	it('translates a catalogue key named by the schema', async () => {
		const parsed = await parseForm(
			post({ newPassword: 'Lang-genoeg-1', repeatPassword: 'Anders-genoeg-1' }),
			newPasswordSchema
		);
		expect(!parsed.ok && parsed.failure.data.errors).toEqual({
			repeatPassword: 'De twee wachtwoorden zijn niet hetzelfde.'
		});
		expect(!parsed.ok && parsed.failure.data.values).toEqual({});
	});

	it('gives each field its first error only, with translated generic messages', async () => {
		const schema = z.object({
			name: z.string().min(3).max(5),
			email: z.email(),
			age: z.coerce.number().int()
		});
		const parsed = await parseForm(post({ name: 'ab', email: 'geen-mail', age: 'x' }), schema);
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		const errors = parsed.failure.data.errors;
		expect(Object.keys(errors).sort()).toEqual(['age', 'email', 'name']);
		expect(errors.name).toMatch(/3/);
		for (const text of Object.values(errors)) expect(text).not.toMatch(/^[a-z_]+$|Invalid|Expected/);
	});

	it('a body that is not a form gives a failure, not a crash', async () => {
		const request = new Request('http://localhost/x', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{"username":"x"}'
		});
		const parsed = await parseForm(request, loginSchema);
		expect(parsed.ok).toBe(false);
		expect(!parsed.ok && parsed.failure.status).toBe(400);
	});
});

describe('formValues', () => {
	it('keeps repeated fields as a list and single ones as a string; drops files', () => {
		const data = new FormData();
		data.append('competency', 'motieven');
		data.append('competency', 'netwerken');
		data.append('title', 'Meeloopdag');
		data.append('photo', new Blob(['x']), 'x.png');
		expect(formValues(data)).toEqual({
			competency: ['motieven', 'netwerken'],
			title: 'Meeloopdag',
			photo: ''
		});
	});
});
