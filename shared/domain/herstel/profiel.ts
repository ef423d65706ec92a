import * as z from 'zod';
import { itemsOf, type HerstelItem } from './herstel-item';

// Placeholder: the profiel part of the person's plan is built here (schema, pure commands, rules).
export const ProfielVersie = z.object({ id: z.string() }).meta({ id: 'ProfielVersie' });
export type ProfielVersie = z.infer<typeof ProfielVersie>;

export function profielFromItems(items: readonly HerstelItem[]): ProfielVersie[] {
  return itemsOf(items, 'profiel').map((i) => ProfielVersie.parse({ ...i.data, id: i.id }));
}
