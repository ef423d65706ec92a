import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot, type LocalHandlerMetadata } from '../aws/constructs/landing-function';

export type LocalHandler = (event: unknown, context: LambdaContextLike) => Promise<unknown>;

export interface LambdaContextLike {
  awsRequestId: string;
  functionName: string;
  getRemainingTimeInMillis(): number;
  callbackWaitsForEmptyEventLoop: boolean;
}

const loaded = new Map<string, Promise<LocalHandler>>();

/** Loads the source file a Lambda runs (from the CDK metadata) and returns its exported handler. */
export function loadHandler(metadata: LocalHandlerMetadata): Promise<LocalHandler> {
  const key = `${metadata.entry}#${metadata.exportName}`;
  let handler = loaded.get(key);
  if (!handler) {
    handler = import(pathToFileURL(path.join(projectRoot, metadata.entry)).href).then(
      (module: Record<string, unknown>) => {
        const exported = module[metadata.exportName];
        if (typeof exported !== 'function') throw new Error(`${key} does not export a handler`);
        return exported as LocalHandler;
      },
    );
    loaded.set(key, handler);
  }
  return handler;
}

export function lambdaContext(functionName: string, timeoutMs = 10_000): LambdaContextLike {
  const deadline = Date.now() + timeoutMs;
  return {
    awsRequestId: randomUUID(),
    functionName,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    callbackWaitsForEmptyEventLoop: false,
  };
}
