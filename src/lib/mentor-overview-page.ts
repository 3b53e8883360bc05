/** Rows per page of the mentor overview: a class fits on one; a cohort of a hundred takes four. */
export const OVERVIEW_PAGE_SIZE = 30;
