import * as z from 'zod';
import { itemsOf, type HerstelItem } from './herstel-item';

// Placeholder: the kwaliteit part of the person's plan is built here (schema, pure commands, rules).
export const Score = z.object({ id: z.string() }).meta({ id: 'Score' });
export type Score = z.infer<typeof Score>;

export function kwaliteitFromItems(items: readonly HerstelItem[]): Score[] {
  return itemsOf(items, 'score').map((i) => Score.parse({ ...i.data, id: i.id }));
}
