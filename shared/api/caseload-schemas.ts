import * as z from 'zod';
import { caseloadLevels } from '../domain/support/caseload';
import { Task } from '../domain/signals/task';
import { fases, plekken } from '../domain/common/vocabulary';

/** Response shapes of the caseload capability: a caseworker's "vandaag" and a team lead's team view. */
const IsoDate = z.iso.date();
const Persoon = z.object({ voornaam: z.string(), achternaam: z.string() });
const Person = z.object({ id: z.string(), naam: z.string() });
const Plek = z.enum(plekken).meta({ description: 'Het onderdeel van de trajectpagina waar het gedaan wordt' });
/** One line of a teamleider's Vandaag: who, which begeleiders, what, since when, and where it is done. */
const TeamLine = z.object({
  transitionId: z.string(),
  persoon: Persoon,
  begeleiders: z.array(z.string()),
  wat: z.string(),
  sinds: IsoDate,
  plek: Plek.optional(),
});

export const CaseloadEntrySchema = z
  .object({
    begeleider: Person,
    trajecten: z.number().int(),
    perNiveau: z
      .partialRecord(z.enum(caseloadLevels), z.number().int())
      .meta({ description: 'Hoeveel deelnemers op elk niveau staan: getoond, niet gewogen' }),
    capaciteit: z.number().meta({ description: 'Deelnemers per duo: elke begeleider zit in het duo van elk van hen' }),
    bezetting: z.number().int().meta({ description: 'Trajecten als percentage van de capaciteit' }),
  })
  .meta({ id: 'Caseload' });

export const TodayView = z
  .object({
    today: IsoDate,
    taken: z.array(Task).meta({ description: 'Open taken voor mij, vroegste deadline eerst' }),
    vragen: z
      .array(
        z.object({
          transitionId: z.string(),
          persoon: Persoon,
          soort: z.enum(['verhuizing', 'omklap', 'landingsreview']),
          datum: IsoDate,
          wat: z.string(),
          uiterlijk: IsoDate.meta({ description: 'Uiterlijk te bevestigen of te besluiten op' }),
          plek: Plek,
        }),
      )
      .meta({ description: 'Wat het werkproces mijn duo vraagt te bevestigen of te besluiten, vroegste eerst' }),
    evaluaties: z
      .array(z.object({ transitionId: z.string(), persoon: Persoon, datum: IsoDate }))
      .meta({ description: 'Evaluaties van opschalingen die binnen een week vallen of te laat zijn' }),
    doelen: z
      .array(
        z.object({
          transitionId: z.string(),
          persoon: Persoon,
          datum: IsoDate.meta({ description: 'De vroegste evaluatiedatum' }),
          aantal: z.number().int().meta({ description: 'Hoeveel doelen binnen een week (of te laat) te evalueren' }),
        }),
      )
      .meta({ description: 'Doelen uit het Plan van Aanpak om te evalueren: binnen een week of te laat' }),
    deadlines: z
      .array(
        z.object({
          transitionId: z.string(),
          persoon: Persoon,
          datum: IsoDate,
          wat: z.string(),
          plek: Plek.optional(),
        }),
      )
      .meta({ description: 'Alle deadlines van woning, uitkering, verhuizing en omklap binnen twee weken of te laat' }),
    caseload: CaseloadEntrySchema.optional().meta({ description: 'Alleen voor een begeleider' }),
    team: z
      .object({
        teLaat: z.array(TeamLine).meta({ description: 'Wat in het team over zijn datum is, oudste eerst' }),
        escalaties: z
          .array(TeamLine.extend({ deadline: z.iso.datetime() }))
          .meta({ description: 'Signalen die naar mij als teamleider zijn doorgezet' }),
        stilstand: z
          .array(TeamLine.extend({ fase: z.enum(fases) }))
          .meta({ description: 'Trajecten die langer in hun fase zijn dan de norm van hun gemeente' }),
      })
      .optional()
      .meta({ description: 'Alleen voor een teamleider' }),
  })
  .meta({ id: 'Vandaag' });
export type TodayView = z.infer<typeof TodayView>;

export const TeamView = z
  .object({
    today: IsoDate,
    team: z
      .object({
        begeleiders: z.number().int(),
        deelnemers: z.number().int().meta({ description: 'Lopende trajecten van het team, elk één keer geteld' }),
        deelnemersPerDuo: z.number(),
        capaciteit: z.number().meta({ description: 'Begeleiders / 2 × deelnemers per duo' }),
        bezetting: z.number().int(),
      })
      .meta({ id: 'TeamCaseload', description: 'Het team tegen zijn ruimte: voor 2 begeleiders 10 cliënten' }),
    caseload: z.array(CaseloadEntrySchema),
  })
  .meta({ id: 'Team' });
export type TeamView = z.infer<typeof TeamView>;
