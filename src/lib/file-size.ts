import { numberFormat } from './date-format';

/** "240 kB", "1,2 MB": sizes the way people read them, in the reader's language. */
export function formatFileSize(bytes: number, locale: string): string {
	if (bytes < 1024 * 1024) return `${numberFormat(locale).format(Math.max(1, Math.round(bytes / 1024)))} kB`;
	return `${numberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024))} MB`;
}
