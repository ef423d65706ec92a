/** `npm run docs:api`: writes docs/API.md from the API contract. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderApiReference } from '../../../shared/api/api-reference';
import { projectRoot } from '../../aws/constructs/landing-function';

export const apiReferencePath = path.join(projectRoot, 'docs/API.md');

writeFileSync(apiReferencePath, `${renderApiReference()}\n`);
process.stdout.write(`wrote ${path.relative(projectRoot, apiReferencePath)}\n`);
