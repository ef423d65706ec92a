import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';

// The SDK's warning about the Node version tsx happens to run on is noise to an operator.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** A mistake in how an ops command was called: answered with the usage text and exit code 2. */
export class UsageError extends Error {}

/** `--help`: answered with the usage text and exit code 0. */
class HelpRequested extends Error {}

/** A file the operator named that could not be read: its name and why, never its content. */
export class InputFileError extends Error {
  override name = 'InputFileError';
}

/** An ops command: its usage, what it says when it stops, and its work (the exit code). */
export interface OpsCommand {
  usage: string;
  stopped: string;
  main(argv: string[]): Promise<number>;
}

export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
}

const processIo: CommandIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/**
 * The command line of an ops command: node's parseArgs with `--help` added, its mistakes in Dutch. Every
 * command parses through this, so `--help` and an unknown flag behave the same everywhere.
 */
export function parseCommandLine<O extends ParseArgsOptionsConfig>(
  argv: string[],
  options: O,
  allowPositionals = false,
) {
  if (argv.includes('--help') || argv.includes('-h')) throw new HelpRequested();
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError(dutchParseError(error as Error & { code?: string }));
  }
}

function dutchParseError(error: Error & { code?: string }): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Onbekende optie: ${quoted}.`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `Onverwacht argument: ${quoted} (opties beginnen met --).`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(error.message)
        ? `${quoted.split(' ')[0]} mist een waarde.`
        : `${quoted.split(' ')[0]} neemt geen waarde.`;
    default:
      return 'De opties kloppen niet.';
  }
}

/** The SDK's ways of saying there are no (valid) credentials: the operator should sign in, not read a trace. */
const credentialErrors = new Set([
  'CredentialsProviderError',
  'ProviderError',
  'TokenProviderError',
  'ExpiredToken',
  'ExpiredTokenException',
  'TokenRefreshRequired',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidSignatureException',
  'SSOTokenProviderFailure',
]);

export const noCredentials = 'Geen AWS-inloggegevens: `aws sso login --profile …` of zet AWS_PROFILE';

/** The Dutch line for an SDK error that means "no usable credentials", or undefined for any other error. */
export function credentialsProblem(error: unknown): string | undefined {
  return credentialErrors.has((error as { name?: string } | undefined)?.name ?? '') ? noCredentials : undefined;
}

/**
 * Runs an ops command and returns its exit code. `--help` prints the usage (0); a usage mistake prints the
 * message and the usage (2); missing or expired credentials and an unreadable file say so (1); anything else
 * prints `<stopped>: <error class>` (1) — the class name only, as an SDK error's message may quote a key or a
 * value. Never a stack trace.
 */
export async function execute(command: OpsCommand, argv: string[], io: CommandIo = processIo): Promise<number> {
  try {
    return await command.main(argv);
  } catch (error) {
    if (error instanceof HelpRequested) {
      io.out(`${command.usage}\n`);
      return 0;
    }
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${command.usage}\n`);
      return 2;
    }
    const problem = credentialsProblem(error);
    if (problem) {
      io.err(`${problem}\n`);
      return 1;
    }
    if (error instanceof InputFileError) {
      io.err(`${error.message}\n`);
      return 1;
    }
    io.err(`${command.stopped}: ${(error as Error)?.name ?? 'Error'}\n`);
    return 1;
  }
}

/** Runs the command when its module is the one node was started with (`npm run …`), not when a test imports it. */
export function runIfMain(moduleUrl: string, command: OpsCommand): void {
  const started = process.argv[1];
  if (!started || path.resolve(started) !== fileURLToPath(moduleUrl)) return;
  execute(command, process.argv.slice(2)).then(
    (code) => process.exit(code),
    () => process.exit(1),
  );
}

/** Reads a file the operator named; a missing or unreadable one is an InputFileError naming it. */
export function readInputFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why =
      code === 'ENOENT'
        ? 'bestaat niet'
        : code === 'EACCES'
          ? 'mag niet gelezen worden'
          : code === 'EISDIR'
            ? 'is een map'
            : 'is niet leesbaar';
    throw new InputFileError(`Het bestand ${file} ${why}.`);
  }
}

/**
 * Parses JSON the operator wrote; a mistake names the file and the place, 1-based (regel 3, kolom 5), and never
 * quotes the content (it may hold e-mail addresses).
 */
export function parseJsonFile(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    if (!text.trim()) throw new InputFileError(`${file} is leeg.`);
    const named = /at position (\d+)/.exec((error as Error).message)?.[1];
    const position = named === undefined ? firstBadPosition(text) : Number(named);
    const before = text.slice(0, position);
    const line = before.split('\n').length;
    const column = position - before.lastIndexOf('\n');
    throw new InputFileError(`${file} is geen geldige JSON: fout op regel ${line}, kolom ${column}.`);
  }
}

/**
 * Where JSON goes wrong when the parser does not say (its message quotes the text instead): the longest start
 * of the text that could still become JSON ends there. Such starts are closed under taking a shorter start, so
 * halving finds it.
 */
function firstBadPosition(text: string): number {
  const viable = (length: number) => {
    try {
      JSON.parse(text.slice(0, length));
      return true;
    } catch (error) {
      const message = (error as Error).message;
      const at = /at position (\d+)/.exec(message)?.[1];
      return at === undefined ? /end of JSON input|Unterminated/.test(message) : Number(at) >= length;
    }
  };
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (viable(mid)) low = mid;
    else high = mid - 1;
  }
  return Math.min(low, text.length - 1);
}
