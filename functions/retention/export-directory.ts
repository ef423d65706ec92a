import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { EXPORT_FORMAT, EXPORT_VERSION, type PersonRecordExport } from './person-record-export';
import type { ExportSink } from './ports';

const SAFE_ID = /^[A-Za-z0-9._-]+$/;

/**
 * Exports as files in one directory, one per person, named by transition id (`<transitionId>.json`): no name
 * in a file name. Only the owner may read them (0600 in a 0700 directory): they hold everything about a person.
 * A file is written to a temporary name, flushed to disk and renamed, so it is there completely or not at all.
 */
export class ExportDirectory implements ExportSink {
  constructor(private readonly directory: string) {}

  async read(transitionId: string): Promise<PersonRecordExport | undefined> {
    let text: string;
    try {
      text = await readFile(this.fileOf(transitionId), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    const parsed = JSON.parse(text) as PersonRecordExport;
    if (parsed.format !== EXPORT_FORMAT || parsed.version !== EXPORT_VERSION || parsed.transitionId !== transitionId) {
      throw new Error(
        `${path.basename(this.fileOf(transitionId))} is not an export of this transition in format version ${EXPORT_VERSION}`,
      );
    }
    return parsed;
  }

  async write(envelope: PersonRecordExport): Promise<void> {
    await mkdir(this.directory, { recursive: true, mode: 0o700 });
    const file = this.fileOf(envelope.transitionId);
    const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    const text = `${JSON.stringify(envelope, null, 2)}\n`;
    try {
      const handle = await open(temporary, 'wx', 0o600);
      try {
        await handle.writeFile(text, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    // Nothing may be deleted on the strength of an export that cannot be read back as written.
    if ((await readFile(file, 'utf8')) !== text) throw new Error(`${path.basename(file)} did not read back as written`);
  }

  fileOf(transitionId: string): string {
    if (!SAFE_ID.test(transitionId)) throw new Error('a transition id must be usable as a file name');
    return path.join(this.directory, `${transitionId}.json`);
  }
}
