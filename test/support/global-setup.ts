import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { assemblyFileVariable, writeAssembly } from '../../infra/local/assembly-file';
import { synthesizeForLocal } from '../../infra/local/cloud-assembly';
import { startDynamoDbLocal } from '../../infra/local/dynamodb-local';
import { freePort } from '../../infra/local/ports';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

/**
 * Starts AWS DynamoDB Local (in memory) once for the whole run, and synthesizes the app once: every product a
 * test starts reads it from a file (the workers inherit the variable that names it).
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), 'landing-assembly-'));
  writeAssembly(synthesizeForLocal(), path.join(dir, 'assembly.json'));
  process.env[assemblyFileVariable] = path.join(dir, 'assembly.json');
  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  project.provide('dynamoEndpoint', dynamo.endpoint);
  return async () => {
    await dynamo.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
