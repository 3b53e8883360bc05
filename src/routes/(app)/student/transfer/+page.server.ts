import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { parseForm } from '$lib/server/forms';
import { importTransfer, type TransferProblem } from '$lib/server/portfolio/transfer';
import { listTransfers, undoTransfer } from '$lib/server/portfolio/transfer-history';
import { transferFormSchema, transferUndoSchema } from '$lib/schemas/transfer';
import { m } from '$lib/paraglide/messages';

const PROBLEM: Record<TransferProblem, () => string> = {
	empty: m.trf_error_empty,
	zip_too_big: m.trf_error_zip_too_big,
	not_zip: m.trf_error_not_zip,
	too_many_entries: m.trf_error_too_large_unpacked,
	too_big: m.trf_error_too_large_unpacked,
	bomb: m.trf_error_too_large_unpacked,
	unsafe_path: m.trf_error_unsafe,
	symlink: m.trf_error_unsafe,
	encrypted: m.trf_error_unsafe,
	duplicate: m.trf_error_unsafe,
	no_portfolio: m.trf_error_no_portfolio,
	not_json: m.trf_error_invalid,
	invalid: m.trf_error_invalid,
	wrong_version: m.trf_error_wrong_version,
	missing_file: m.trf_error_missing_file,
	bad_file: m.trf_error_bad_file,
	already_imported: m.trf_error_already_imported
};

export const load: PageServerLoad = () => {
	const viewer = requireRole('student');
	return { transfers: listTransfers(viewer) };
};

export const actions: Actions = {
	import: async ({ request }) => {
		const viewer = requireRole('student');
		let form: FormData;
		try {
			form = await request.formData();
		} catch {
			return fail(400, { action: 'import', visibility: 'private', message: m.trf_error_empty() });
		}
		const visibility = transferFormSchema.parse({
			visibility: form.get('visibility') ?? undefined
		}).visibility;
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0)
			return fail(400, { action: 'import', visibility, message: m.trf_error_empty() });
		const result = await importTransfer(viewer, Buffer.from(await file.arrayBuffer()), {
			keepVisibility: visibility === 'keep'
		});
		if (!result) error(404, 'Not found');
		if (!result.ok) return fail(400, { action: 'import', visibility, message: PROBLEM[result.reason]() });
		return { action: 'import', imported: result.transferId };
	},
	undo: async ({ request }) => {
		const viewer = requireRole('student');
		const parsed = await parseForm(request, transferUndoSchema);
		if (!parsed.ok) return parsed.failure;
		if (!undoTransfer(viewer, parsed.data.transferId)) error(404, 'Not found');
		return { action: 'undo', undone: true };
	}
};
