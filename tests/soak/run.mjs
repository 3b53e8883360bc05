// The soak suites: durability under SIGKILL and 200 users of load, against the production build.
//   node tests/soak/run.mjs           the full run (npm run test:soak): 12 kills, 60 s with 200 users
//   node tests/soak/run.mjs --quick   the short run inside npm test: 2 kills, 10 s with 60 users
// Exits non-zero when a check fails; writes the figures to data/soak-<mode>.json.
import { writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT, ensureBuild, portFrom } from './harness.mjs';
import { runDurability } from './durability.mjs';
import { runLoad } from './load.mjs';

const { values } = parseArgs({
	options: {
		quick: { type: 'boolean' },
		only: { type: 'string' } // "durability" or "load"
	}
});
const mode = values.quick ? 'quick' : 'full';
const settings = values.quick
	? { kills: 2, runMs: [800, 2500], users: 60, seconds: 10 }
	: { kills: 12, runMs: [1000, 5000], users: 200, seconds: 60 };

ensureBuild();
const problems = [];
// The machine's load is part of the figures: latencies mean little without it.
const figures = { mode, at: new Date().toISOString(), cpus: availableParallelism(), loadBefore: loadavg() };
const check = (ok, message) => {
	if (!ok) problems.push(message);
};

if (values.only !== 'load') {
	const d = await runDurability({ kills: settings.kills, port: portFrom(0), runMs: settings.runMs });
	figures.durability = d;
	check(d.survived === d.kills, `durability: ${d.kills - d.survived} of ${d.kills} kills not survived`);
	check(d.lost === 0, `durability: ${d.lost} acknowledged writes lost ${JSON.stringify(d.lostDetail)}`);
	check(
		d.integrity.length === 1 && d.integrity[0] === 'ok',
		`durability: integrity_check said ${d.integrity}`
	);
	check(d.writerErrors.length === 0, `durability: unexpected answers ${d.writerErrors.slice(0, 5)}`);
	check(d.logErrors === 0, `durability: ${d.logErrors} errors in the log ${d.logErrorSample}`);
	check(
		d.backup?.integrity === 'ok' && d.backup.lost.length === 0 && d.backup.foreignKeys === 0,
		`durability: the backup is not complete ${JSON.stringify(d.backup)}`
	);
	check(
		d.autosaves > 0 && d.comments > 0 && d.cellAnswers > 0,
		`durability: every kind of writer must get writes through (autosaves ${d.autosaves}, comments ${d.comments}, cells ${d.cellAnswers})`
	);
	check(
		d.control > 0,
		'durability: the checker found nothing missing in an older backup; it cannot see a loss'
	);
	console.log(
		`durability: ${d.survived}/${d.kills} kills survived, ${d.acknowledged} acknowledged writes (${d.autosaves} autosaves, ${d.comments} comments, ${d.cellAnswers} matrix cells) by ${d.users} users, ${d.lost} lost; backup during load ${d.backup?.ms} ms, integrity ${d.backup?.integrity}, ${d.backup?.lost.length} missing`
	);
}

if (values.only !== 'durability') {
	const l = await runLoad({ users: settings.users, seconds: settings.seconds, port: portFrom(1) });
	figures.load = l;
	check(l.fiveXX === 0, `load: ${l.fiveXX} answers were 5xx ${JSON.stringify(l.statuses)}`);
	check(l.unexpected === 0, `load: ${l.unexpected} answers were not 200 ${JSON.stringify(l.statuses)}`);
	check(l.refused === 0, `load: ${l.refused} form actions were refused`);
	check(l.failures.length === 0, `load: connection failures ${l.failures}`);
	check(l.logErrors === 0, `load: ${l.logErrors} errors in the log ${l.logErrorSample}`);
	console.log(
		`load: ${l.users} users for ${l.seconds} s, ${l.requests} requests (${l.perSecond}/s), statuses ${JSON.stringify(l.statuses)}, p50 ${l.p50} ms, p95 ${l.p95} ms, p99 ${l.p99} ms, log errors ${l.logErrors}`
	);
}

figures.loadAfter = loadavg();
console.log(
	`machine: ${figures.cpus} cpus, load average ${figures.loadBefore[0].toFixed(1)} before, ${figures.loadAfter[0].toFixed(1)} after`
);
writeFileSync(resolve(ROOT, 'data', `soak-${mode}.json`), JSON.stringify(figures, null, '\t'));
if (problems.length) {
	console.error(`soak (${mode}) FAILED:\n- ${problems.join('\n- ')}`);
	process.exit(1);
}
console.log(`soak (${mode}) passed; figures in data/soak-${mode}.json`);
