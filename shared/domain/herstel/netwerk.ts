import * as z from 'zod';
import { itemsOf, type HerstelItem } from './herstel-item';

// Placeholder: the netwerk part of the person's plan is built here (schema, pure commands, rules).
export const NetwerkLid = z.object({ id: z.string() }).meta({ id: 'NetwerkLid' });
export type NetwerkLid = z.infer<typeof NetwerkLid>;

export function netwerkFromItems(items: readonly HerstelItem[]): NetwerkLid[] {
  return itemsOf(items, 'netwerk').map((i) => NetwerkLid.parse({ ...i.data, id: i.id }));
}
