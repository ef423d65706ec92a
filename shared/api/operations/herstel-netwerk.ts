import type { OperationSpec } from '../operation';

/** The netwerk part of the person's own plan (built in its own module, composed in ./herstel). */
export const herstelNetwerkOperations = {} as const satisfies Record<string, OperationSpec>;
