import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { LocalHandlerMetadata } from '../aws/constructs/landing-function';
import type { LocalAssembly } from './cloud-assembly';

/**
 * Where a synthesized app may already lie: a test run synthesizes it once and every product it starts reads it
 * from here, instead of loading the CDK and synthesizing again in each test file (seconds each, tens of seconds
 * on a loaded machine).
 */
export const assemblyFileVariable = 'LANDING_LOCAL_ASSEMBLY';

/** The app as the local runtime needs it: from the file a test run wrote, else synthesized now. */
export async function localAssembly(): Promise<LocalAssembly> {
  const file = process.env[assemblyFileVariable];
  if (file && existsSync(file)) return readAssembly(file);
  const { synthesizeForLocal } = await import('./cloud-assembly');
  return synthesizeForLocal();
}

export function writeAssembly(assembly: LocalAssembly, file: string): void {
  writeFileSync(file, JSON.stringify({ ...assembly, functions: [...assembly.functions] }));
}

function readAssembly(file: string): LocalAssembly {
  const stored = JSON.parse(readFileSync(file, 'utf8')) as Omit<LocalAssembly, 'functions'> & {
    functions: [string, LocalHandlerMetadata][];
  };
  return { ...stored, functions: new Map(stored.functions) };
}
