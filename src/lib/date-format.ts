// Intl formatters are costly to make (Date#toLocaleString makes a new one on every call): one per locale and
// style, made once and reused.
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

const texts = new WeakMap<Intl.DateTimeFormat, Map<number, string>>();

/**
 * `format.format(ms)`, remembered per formatter: a table shows the same dates on every request. At most
 * 5,000 texts per formatter are kept.
 */
export function formatRemembered(format: Intl.DateTimeFormat, ms: number): string {
	let seen = texts.get(format);
	if (!seen) texts.set(format, (seen = new Map()));
	let text = seen.get(ms);
	if (text === undefined) {
		if (seen.size >= 5000) seen.clear();
		text = format.format(ms);
		seen.set(ms, text);
	}
	return text;
}
