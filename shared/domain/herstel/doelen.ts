import * as z from 'zod';
import { itemsOf, type HerstelItem } from './herstel-item';

// Placeholder: the doelen part of the person's plan is built here (schema, pure commands, rules).
export const Doel = z.object({ id: z.string() }).meta({ id: 'Doel' });
export type Doel = z.infer<typeof Doel>;

export function doelenFromItems(items: readonly HerstelItem[]): Doel[] {
  return itemsOf(items, 'doel').map((i) => Doel.parse({ ...i.data, id: i.id }));
}
