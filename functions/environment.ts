/**
 * What a Lambda reads from its environment, read once per container and only when first needed
 * (so tests and the local gateway can set the environment before a handler runs). No AWS SDK here: a
 * function that needs only these loads no client it does not use.
 */
export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`missing environment variable ${name}`);
  return value;
}

/** Builds a value on first use and keeps it: Lambda containers reuse it across invocations. */
export function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

/** The workflows a handler may start, as the environment names them. */
export const workflowArns = () => ({
  transition: requiredEnv('TRANSITION_WORKFLOW_ARN'),
  move: requiredEnv('MOVE_WORKFLOW_ARN'),
  signals: requiredEnv('SIGNAL_WORKFLOW_ARN'),
});
