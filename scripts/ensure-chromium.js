// The end-to-end tests drive Debian's Chromium (never a downloaded browser). Install it when we can.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path)) {
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	let hasApt;
	try {
		execSync('command -v apt-get', { stdio: 'ignore' });
		hasApt = true;
	} catch {
		hasApt = false;
	}
	if (isRoot && hasApt) {
		console.log('Chromium is missing: installing Debian chromium (about a minute)…');
		execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
			stdio: 'inherit'
		});
	} else {
		console.error(
			`Chromium was not found at ${path}.\n` +
				'Install it with:  sudo apt-get update && sudo apt-get install -y chromium\n' +
				'or point CHROMIUM_PATH at a Chromium or Chrome binary, then run the tests again.'
		);
		process.exit(1);
	}
}
