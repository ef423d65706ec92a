import type { OperationSpec } from '../operation';

/** The kwaliteit part of the person's own plan (built in its own module, composed in ./herstel). */
export const herstelKwaliteitOperations = {} as const satisfies Record<string, OperationSpec>;
