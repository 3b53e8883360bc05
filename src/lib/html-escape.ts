// Escaping for markup Koers builds as text itself (the matrix grid's cell runs): &, <, > and both quotes.
const SPECIAL = /[&<>"']/g;
const ENTITY: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

/** Text safe inside an element or a quoted attribute. */
export function escapeHtml(text: string): string {
	return text.replace(SPECIAL, (ch) => ENTITY[ch]);
}
