// Keeps README's licence list true: every package that runs in production has a licence on the allowlist,
// and every direct runtime dependency is named in README.md with its version.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { licenceAllowed, readProject } from '../../scripts/licences.js';

describe('runtime licences', () => {
	const packages = readProject();

	it('finds the runtime packages in the lock file', () => {
		expect(packages.length).toBeGreaterThan(50);
		expect(packages.some((p) => p.name === 'better-sqlite3' && p.direct)).toBe(true);
	});

	it('allows only permissive licences (LGPL only for sharp’s libvips binaries)', () => {
		const refused = packages.filter((p) => !licenceAllowed(p.name, p.license));
		expect(refused.map((p) => `${p.name}@${p.version} ${p.license}`)).toEqual([]);
	});

	it('reads SPDX expressions', () => {
		expect(licenceAllowed('x', '(MIT OR WTFPL)')).toBe(true);
		expect(licenceAllowed('x', 'GPL-3.0-only')).toBe(false);
		expect(licenceAllowed('x', 'MIT AND GPL-3.0-only')).toBe(false);
		expect(licenceAllowed('x', 'LGPL-3.0-or-later')).toBe(false);
		expect(licenceAllowed('@img/sharp-libvips-linux-x64', 'LGPL-3.0-or-later')).toBe(true);
	});

	it('lists every direct runtime dependency in README.md', () => {
		const readme = readFileSync('README.md', 'utf8');
		const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
		for (const p of packages.filter((p) => p.direct || p.bundled)) {
			// prettier pads the table's cells, so the row is matched with any spacing
			const row = new RegExp(`\\|\\s*\`${escape(p.name)}\`\\s*\\|\\s*${escape(p.version)}\\s*\\|`);
			expect(readme, `${p.name} ${p.version}`).toMatch(row);
		}
	});
});
