/**
 * aws-local-stepfunctions 3 uses Promise.withResolvers, which Node 20 lacks (Node 22 has it).
 * Imported for its side effect before the library.
 */
type WithResolvers = <T>() => { promise: Promise<T>; resolve: (value: T | PromiseLike<T>) => void; reject: (reason?: unknown) => void };
const PromiseWithResolvers = Promise as unknown as { withResolvers?: WithResolvers };
PromiseWithResolvers.withResolvers ??= <T>() => {
  let resolve!: (value: T | PromiseLike<T>) => void;
  let reject!: (reason?: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};
export {};
