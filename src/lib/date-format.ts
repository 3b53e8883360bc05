// Intl formatters are costly to make (about 0.25 ms each: Date#toLocaleString makes a new one on every
// call), which adds up to tens of milliseconds on a table of a hundred students. One per locale and style,
// made once and reused.
const formatters = new Map<string, Intl.DateTimeFormat>();

export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = `${locale}|${JSON.stringify(options)}`;
	let format = formatters.get(key);
	if (!format) {
		format = new Intl.DateTimeFormat(locale, options);
		formatters.set(key, format);
	}
	return format;
}

const relativeFormatters = new Map<string, Intl.RelativeTimeFormat>();

/** "gisteren", "3 weken geleden": one formatter per locale, made once. */
export function relativeTimeFormat(locale: string): Intl.RelativeTimeFormat {
	let format = relativeFormatters.get(locale);
	if (!format) {
		format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
		relativeFormatters.set(locale, format);
	}
	return format;
}

const numberFormatters = new Map<string, Intl.NumberFormat>();

/** Numbers in the reader's language (decimal comma in Dutch), one formatter per locale and style. */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
	const key = `${locale}|${JSON.stringify(options)}`;
	let format = numberFormatters.get(key);
	if (!format) {
		format = new Intl.NumberFormat(locale, options);
		numberFormatters.set(key, format);
	}
	return format;
}
