// Field limits of the parent feature, client-safe so a page can show them without shipping zod.
export const NOTE_MAX = 500;
export const AGENDA_MAX = 300;
