import type { OperationSpec } from '../operation';

/** The profiel part of the person's own plan (built in its own module, composed in ./herstel). */
export const herstelProfielOperations = {} as const satisfies Record<string, OperationSpec>;
