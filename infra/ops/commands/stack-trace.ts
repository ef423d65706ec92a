/**
 * `npm run stack`: maps a stack trace from a Lambda's log (positions in the minified `index.mjs`) back to our
 * sources. The Lambdas do not read their source map at init (it cost a fifth of each cold start), so a trace in
 * CloudWatch names bundle positions; the map is deployed beside the bundle and rebuilt the same from the same commit.
 */
import { build } from 'esbuild';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { lambdaBuildOptions } from '../../aws/constructs/lambda-build-options';
import { projectRoot } from '../../aws/constructs/landing-function';
import { mapStackTrace } from '../diagnostics/stack-trace';
import { type OpsCommand, parseCommandLine, readInputFile, runIfMain, UsageError } from './command-line';

const usage = `Gebruik:
  npm run stack -- --map <index.mjs.map of map met de code van de Lambda> [--trace <bestand>]
  npm run stack -- --entry functions/<map>/<bestand>.ts [--trace <bestand>]
Zonder --trace leest het de stack trace van de invoer (plakken, dan Ctrl-D).
--entry bundelt de functie opnieuw uit deze checkout: check eerst de commit uit die op de stage staat.
Zie docs/OPERATIONS.md, "Reading a Lambda's stack trace".`;

async function mapFile(values: { map?: string; entry?: string }): Promise<string> {
  if (values.map && values.entry) throw new UsageError('Geef --map of --entry, niet allebei.');
  if (values.map) {
    const file =
      existsSync(values.map) && statSync(values.map).isDirectory()
        ? path.join(values.map, 'index.mjs.map')
        : values.map;
    if (!existsSync(file)) throw new UsageError(`Geen source map gevonden: ${file}`);
    return file;
  }
  if (!values.entry) throw new UsageError('Geef --map of --entry.');
  const entry = path.resolve(projectRoot, values.entry);
  if (!existsSync(entry)) throw new UsageError(`Die functie bestaat niet: ${values.entry}`);
  const outfile = path.join(projectRoot, '.local/stack/index.mjs');
  await build({ ...lambdaBuildOptions(outfile), entryPoints: [entry], metafile: false });
  return `${outfile}.map`;
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseCommandLine(argv, {
    map: { type: 'string' },
    entry: { type: 'string' },
    trace: { type: 'string' },
  });
  const map = JSON.parse(readInputFile(await mapFile(values)));
  const trace = values.trace ? readInputFile(values.trace) : readFileSync(0, 'utf8');
  process.stdout.write(mapStackTrace(trace, map));
  return 0;
}

export const stackTraceCommand: OpsCommand = { usage, stopped: 'Het vertalen van de stack trace stopte', main };

runIfMain(import.meta.url, stackTraceCommand);
