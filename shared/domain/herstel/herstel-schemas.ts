import * as z from 'zod';
import { Doel, doelenFromItems } from './doelen';
import type { HerstelItem } from './herstel-item';
import { Score, kwaliteitFromItems } from './kwaliteit';
import { NetwerkLid, netwerkFromItems } from './netwerk';
import { ProfielVersie, profielFromItems } from './profiel';

/** The person's own plan as one read: profile versions, goals with their plan, the network, the scores. */
export const HerstelOverzicht = z
  .object({
    profiel: z.array(ProfielVersie).meta({ description: 'Alle versies van het Persoonlijk Profiel, oudste eerst' }),
    doelen: z.array(Doel),
    netwerk: z.array(NetwerkLid),
    scores: z.array(Score),
  })
  .meta({ id: 'HerstelOverzicht' });
export type HerstelOverzicht = z.infer<typeof HerstelOverzicht>;

export function overzichtFrom(items: readonly HerstelItem[]): HerstelOverzicht {
  return {
    profiel: profielFromItems(items),
    doelen: doelenFromItems(items),
    netwerk: netwerkFromItems(items),
    scores: kwaliteitFromItems(items),
  };
}
