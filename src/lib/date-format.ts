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
