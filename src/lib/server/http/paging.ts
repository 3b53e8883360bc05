/**
 * One page of a list of `total` rows, `size` a page: the page asked for, kept between the first and the last
 * (an empty list has one, empty page), and where its rows start.
 */
export function pageOf(
	total: number,
	size: number,
	requested: number | undefined
): { page: number; pages: number; offset: number } {
	const pages = Math.max(1, Math.ceil(total / size));
	const page = Math.min(Math.max(1, Math.trunc(requested ?? 1) || 1), pages);
	return { page, pages, offset: (page - 1) * size };
}
