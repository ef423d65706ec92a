/** `npm run docs:api`: writes docs/API.md from the API contract. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderApiReference } from '../../../shared/api/api-reference';
import { projectRoot } from '../../aws/constructs/landing-function';
import { type OpsCommand, parseCommandLine, runIfMain } from './command-line';

export const apiReferencePath = path.join(projectRoot, 'docs/API.md');

export const apiReferenceCommand: OpsCommand = {
  usage: 'Gebruik:\n  npm run docs:api     schrijft docs/API.md uit het API-contract',
  stopped: 'Het schrijven van docs/API.md stopte',
  main: async (argv) => {
    parseCommandLine(argv, {});
    writeFileSync(apiReferencePath, `${renderApiReference()}\n`);
    process.stdout.write(`wrote ${path.relative(projectRoot, apiReferencePath)}\n`);
    return 0;
  },
};

runIfMain(import.meta.url, apiReferenceCommand);
