/** A mistake in how an ops command was called: answered with the usage text and exit code 2. */
export class UsageError extends Error {}

/**
 * Runs an ops command's `main` and exits with its code. A usage mistake (ours, or an option parseArgs does not
 * know) prints the message and the usage (exit 2); anything else prints `<stopped>: <error class>` (exit 1) —
 * the class name only, as an SDK error's message may quote a key or a value.
 */
export function runCommand(main: () => Promise<number>, usage: string, stopped: string): void {
  main().then(
    (code) => process.exit(code),
    (error: Error) => {
      if (error instanceof UsageError || (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
        process.stderr.write(`${error.message}\n\n${usage}\n`);
        process.exit(2);
      }
      process.stderr.write(`${stopped}: ${error.name}\n`);
      process.exit(1);
    },
  );
}
