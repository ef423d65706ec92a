import type { OperationSpec } from '../operation';

/** The doelen part of the person's own plan (built in its own module, composed in ./herstel). */
export const herstelDoelenOperations = {} as const satisfies Record<string, OperationSpec>;
