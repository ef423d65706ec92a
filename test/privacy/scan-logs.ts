/**
 * Scans every log line the test suite wrote (LOG_FILE, all levels) for the names and dates of birth of the
 * people in the demo data and the test factories, and how to reach the demo's network members. A log line leaves the privacy boundary (CloudWatch,
 * support): it may carry ids, never who someone is. Run by test/run-vitest.mjs after the suite.
 *   tsx test/privacy/scan-logs.ts <log file>
 */
import { existsSync, readFileSync } from 'node:fs';
import { demoNetwerkBereikbaar, demoPersons } from '../../infra/local/demo-data';
import { factoryPersonNames } from '../support/factories';

const file = process.argv[2];
if (!file || !existsSync(file)) {
  process.stdout.write('privacy scan: no log file, nothing to scan\n');
  process.exit(0);
}
const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
const needles = [
  ...demoPersons.flatMap((p) => [`${p.voornaam} ${p.achternaam}`, p.achternaam, p.geboortedatum]),
  ...factoryPersonNames,
  ...demoNetwerkBereikbaar,
].filter((n) => n.length >= 5);
const leaks = lines.filter((line) => needles.some((n) => line.includes(n)));
if (leaks.length) {
  process.stdout.write(`privacy scan: ${leaks.length} of ${lines.length} log lines name a person:\n`);
  for (const line of leaks.slice(0, 10)) process.stdout.write(`  ${JSON.parse(line).message}\n`);
  process.exit(1);
}
process.stdout.write(
  `privacy scan: ${lines.length} log lines, none names a person (${needles.length} names and dates looked for)\n`,
);
