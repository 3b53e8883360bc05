// One Intl formatter per locale and style, made once: making one is costly (toLocaleString does it per call).
const formatters = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.NumberFormat>();

function once<T extends Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.NumberFormat>(
	key: string,
	make: () => T
): T {
	let format = formatters.get(key) as T | undefined;
	if (!format) {
		format = make();
		formatters.set(key, format);
	}
	return format;
}

/** Dutch schools' time unless the options name another zone: a server in UTC must not show UTC times. */
export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const zoned = { timeZone: 'Europe/Amsterdam', ...options };
	return once(`date|${locale}|${JSON.stringify(zoned)}`, () => new Intl.DateTimeFormat(locale, zoned));
}

/** "gisteren", "3 weken geleden": one formatter per locale, made once. */
export function relativeTimeFormat(locale: string): Intl.RelativeTimeFormat {
	return once(`relative|${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
}

/** Numbers in the reader's language (decimal comma in Dutch), one formatter per locale and style. */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
	return once(`number|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));
}

const DAY_FORMAT: Intl.DateTimeFormatOptions = {
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: 'Europe/Amsterdam'
};

/** A calendar date (YYYY-MM-DD) or a moment, as "12 maart 2027" in the reader's language. */
export function formatDay(value: string | Date | number, locale: string): string {
	const d = typeof value === 'string' ? new Date(`${value}T12:00:00Z`) : new Date(value);
	return dateFormat(locale, DAY_FORMAT).format(d);
}
