import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes a file of the local state (the alarms, the clock, the running workflows) whole or not at all: into a
 * temporary file first, then renamed over the old one. A `npm start` killed in the middle of a write leaves the
 * previous version, never half a file the next start cannot read.
 */
export function writeStateFile(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}
