import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  execute,
  type OpsCommand,
  parseJsonFile,
  readInputFile,
  UsageError,
} from '../../../infra/ops/commands/command-line';
import { costCommand } from '../../../infra/ops/commands/cost-model';
import { offboardCommand, parseLeavers } from '../../../infra/ops/commands/offboard';
import { onboardCommand } from '../../../infra/ops/commands/onboard';
import { redriveCommand } from '../../../infra/ops/commands/redrive';
import { repairAlarmsCommand } from '../../../infra/ops/commands/repair-alarms';
import { replayAuditCommand } from '../../../infra/ops/commands/replay-audit';
import { replayWebhooksCommand } from '../../../infra/ops/commands/replay-webhooks';
import { restoreCommand } from '../../../infra/ops/commands/restore-table';
import { retentionCommand } from '../../../infra/ops/commands/retention';
import { smokeCommand } from '../../../infra/ops/commands/smoke';
import { stackTraceCommand } from '../../../infra/ops/commands/stack-trace';
import { stageCommand } from '../../../infra/ops/commands/stage-command';
import { apiReferenceCommand } from '../../../infra/ops/commands/write-api-reference';

/**
 * Every ops command answers the same way through infra/ops/commands/command-line.ts: `--help` is its usage
 * (exit 0), an unknown flag a Dutch message with the usage (exit 2), no credentials a hint to sign in (exit 1),
 * an unreadable file its name; never a stack trace. In-process (spawning each command costs seconds).
 */
const commands: Record<string, OpsCommand> = {
  'synth/diff/deploy': stageCommand,
  'docs:api': apiReferenceCommand,
  retention: retentionCommand(),
  restore: restoreCommand,
  redrive: redriveCommand,
  'replay-webhooks': replayWebhooksCommand(),
  'replay-audit': replayAuditCommand,
  cost: costCommand,
  onboard: onboardCommand,
  offboard: offboardCommand,
  smoke: smokeCommand,
  stack: stackTraceCommand,
  'repair-alarms': repairAlarmsCommand,
};

async function run(command: OpsCommand, argv: string[]) {
  let out = '';
  let err = '';
  const code = await execute(command, argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('every ops command', () => {
  it.each(Object.entries(commands))('%s: --help prints the usage and exits 0', async (_name, command) => {
    const { code, out, err } = await run(command, ['--help']);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toMatch(/^Gebruik:\n/);
  });

  it.each(Object.entries(commands))('%s: an unknown flag is named in Dutch, with the usage, exit 2', async (_n, c) => {
    const { code, out, err } = await run(c, ['--onbekend']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/^Onbekende optie: --onbekend\.\n\nGebruik:/);
    expect(err).not.toMatch(/\bat .*\.ts:\d+/);
  });
});

describe('the answers', () => {
  const failing = (error: Error): OpsCommand => ({
    usage: 'Gebruik: x',
    stopped: 'Het stopte',
    main: async () => {
      throw error;
    },
  });
  const named = (name: string, message = 'secret value in a message') => Object.assign(new Error(message), { name });

  it('no or expired credentials: how to sign in, exit 1, nothing of the error', async () => {
    for (const name of ['CredentialsProviderError', 'ExpiredTokenException', 'ExpiredToken']) {
      const { code, err } = await run(failing(named(name)), []);
      expect(code).toBe(1);
      expect(err).toBe('Geen AWS-inloggegevens: `aws sso login --profile …` of zet AWS_PROFILE\n');
    }
  });

  it('another failure: the class name only, exit 1', async () => {
    expect(await run(failing(named('ResourceNotFoundException')), [])).toEqual({
      code: 1,
      out: '',
      err: 'Het stopte: ResourceNotFoundException\n',
    });
  });

  it('a missing option value and a stray argument are usage mistakes in Dutch', async () => {
    expect((await run(retentionCommand(), ['--export-dir'])).err).toMatch(/^--export-dir mist een waarde\./);
    expect((await run(retentionCommand(), ['los'])).err).toMatch(/^Onverwacht argument: los/);
    await expect(replayAuditCommand.main(['--stage', 'test'])).rejects.toBeInstanceOf(UsageError);
  });

  it('a file that is missing or not JSON is named, with a 1-based line and column, without its content', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ops-'));
    const missing = path.join(dir, 'weg.json');
    expect(() => readInputFile(missing)).toThrow(`Het bestand ${missing} bestaat niet.`);
    expect(() => parseJsonFile('org.json', '{\n  "a": 1,\n  "geheim@x.nl" }')).toThrow(
      'org.json is geen geldige JSON: fout op regel 3, kolom 17.',
    );
    const broken = path.join(dir, 'org.json');
    writeFileSync(broken, '{ "organisaties": [ }');
    const { code, err } = await run(onboardCommand, ['--stage', 'acc', '--file', broken, '--dry-run']);
    expect(code).toBe(1);
    expect(err).toBe(`${broken} is geen geldige JSON: fout op regel 1, kolom 21.\n`);
    expect((await run(onboardCommand, ['--stage', 'acc', '--file', missing, '--dry-run'])).err).toBe(
      `Het bestand ${missing} bestaat niet.\n`,
    );
    expect(() => parseLeavers('vertrek.txt', '# notities\na@x.nl\nb@x.nl c@x.nl\ngeen-adres\n')).toThrow(
      'vertrek.txt, regel 4: verwacht <e-mail> [<e-mail van opvolger>].',
    );
  });

  it('onboard --dry-run checks the file offline: no AWS, no credentials', async () => {
    // No credentials anywhere: a call to AWS would fail.
    vi.stubEnv('AWS_PROFILE', 'geen-profiel');
    vi.stubEnv('AWS_ACCESS_KEY_ID', '');
    const printed = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const { code } = await run(onboardCommand, [
      '--stage',
      'acc',
      '--file',
      'docs/examples/organisatie.voorbeeld.json',
      '--dry-run',
    ]);
    const out = printed.mock.calls.map((c) => String(c[0])).join('');
    printed.mockRestore();
    vi.unstubAllEnvs();
    expect(code).toBe(0);
    expect(out).toMatch(/Droogloop \(offline, niets geschreven\): .* klopt: 3 organisaties, 4 medewerkers\./);
  });
});
