import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { readCsv, MAX_FILE_BYTES, type CsvError } from '$lib/server/import/csv';
import { createImportBatch, listImportBatches } from '$lib/server/import/batch';
import { m } from '$lib/paraglide/messages';
import { importKindSchema } from '$lib/schemas/import';
import { getStagedSchoolYear, getYearNames } from '$lib/server/school/school-years';

export const load: PageServerLoad = () => {
	const viewer = requireRole('admin');
	return { batches: listImportBatches(viewer), years: getYearNames(viewer) };
};

const csvMessage: Record<CsvError, () => string> = {
	empty: m.imp_err_empty,
	too_large: m.imp_err_too_large,
	binary: m.imp_err_binary,
	too_many_columns: m.imp_err_too_many_columns,
	too_many_rows: m.imp_err_too_many_rows,
	malformed: m.imp_err_malformed,
	no_rows: m.imp_err_no_rows
};

export const actions: Actions = {
	upload: async ({ request }) => {
		const viewer = requireRole('admin');
		let form: FormData;
		try {
			form = await request.formData();
		} catch {
			return fail(400, { kind: 'students', errors: { file: m.imp_err_too_large() } });
		}
		const kind = importKindSchema.parse(form.get('kind'));
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0 || !file.name)
			return fail(400, {
				kind,
				errors: { file: file instanceof File && file.name ? m.imp_err_empty() : m.imp_err_no_file() }
			});
		if (file.size > MAX_FILE_BYTES) return fail(400, { kind, errors: { file: m.imp_err_too_large() } });
		const bytes = new Uint8Array(await file.arrayBuffer());
		const csv = readCsv(bytes);
		if ('error' in csv) return fail(400, { kind, errors: { file: csvMessage[csv.error]() } });
		const staged = form.get('year') === 'staged' ? getStagedSchoolYear(viewer) : undefined;
		const id = createImportBatch(viewer, file.name, csv, kind, bytes, staged?.id ?? null);
		if (!id) return fail(404, { kind, errors: { file: m.error_not_found_text() } });
		redirect(303, `/admin/import/${id}`);
	}
};
