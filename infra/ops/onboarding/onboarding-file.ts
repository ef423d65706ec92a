import * as z from 'zod';
import { Organisation } from '../../../shared/domain/organisation/organisation';
import { Role } from '../../../shared/domain/organisation/principal';

/**
 * What ops fill in to bring an organisation onto a stage (docs/OPERATIONS.md, "First deployment"): the
 * organisations (the provider, the municipalities whose budget holders work in Landing, the housing
 * corporations) and the staff who sign in, with their role and team. One JSON file, checked in full before
 * anything is written: a mistake is a clear error and nothing changes.
 */
export const StaffEntry = z
  .object({
    email: z.email({ error: 'Een geldig e-mailadres: daarmee meldt iemand zich aan.' }),
    naam: z.string().trim().min(2).max(100),
    organisatieId: z.string().min(1),
    rol: Role.exclude(['corporatie']),
    teamId: z.string().min(1).optional(),
    telefoon: z.string().max(20).optional(),
  })
  .strict();
export type StaffEntry = z.infer<typeof StaffEntry>;

export const OnboardingFile = z
  .object({
    organisaties: z.array(Organisation.strict()).min(1),
    medewerkers: z.array(StaffEntry),
  })
  .strict()
  .superRefine((file, ctx) => {
    const organisations = new Map(file.organisaties.map((o) => [o.id, o]));
    for (const [i, m] of file.medewerkers.entries()) {
      const issue = (message: string) => ctx.addIssue({ code: 'custom', path: ['medewerkers', i], message });
      const organisation = organisations.get(m.organisatieId);
      if (!organisation) {
        issue(`${m.email}: organisatie ${m.organisatieId} staat niet in "organisaties".`);
        continue;
      }
      // The roles belong to kinds of organisation; a provider's staff work in a team (it bounds what they see).
      if (m.rol === 'budgethouder' && organisation.soort !== 'gemeente')
        issue(`${m.email}: een budgethouder werkt bij een gemeente.`);
      // Beleid sees its municipality's outcomes: the organisation's gemeentecode says which.
      if (m.rol === 'beleid' && (organisation.soort !== 'gemeente' || !organisation.gemeenteCode))
        issue(`${m.email}: beleid werkt bij een gemeente met een gemeentecode.`);
      if (['begeleider', 'teamleider', 'beheerder'].includes(m.rol) && organisation.soort !== 'zorgaanbieder')
        issue(`${m.email}: een ${m.rol} werkt bij een zorgaanbieder.`);
      if (['begeleider', 'teamleider'].includes(m.rol) && !m.teamId)
        issue(`${m.email}: een ${m.rol} hoort bij een team (teamId).`);
    }
    // One organisation id twice would quietly overwrite the first with the second.
    const ids = file.organisaties.map((o) => o.id);
    const idTwice = ids.filter((id, i) => ids.indexOf(id) !== i);
    if (idTwice.length)
      ctx.addIssue({
        code: 'custom',
        path: ['organisaties'],
        message: `Dubbele organisatie-id: ${[...new Set(idTwice)].join(', ')}`,
      });
    const emails = file.medewerkers.map((m) => m.email.toLowerCase());
    const twice = emails.filter((e, i) => emails.indexOf(e) !== i);
    if (twice.length)
      ctx.addIssue({ code: 'custom', path: ['medewerkers'], message: `Dubbel: ${[...new Set(twice)].join(', ')}` });
    const gemeenten = file.organisaties.filter((o) => o.soort === 'gemeente');
    for (const g of gemeenten)
      if (!g.gemeenteCode)
        ctx.addIssue({
          code: 'custom',
          path: ['organisaties'],
          message: `${g.id}: een gemeente heeft een gemeenteCode (GM….).`,
        });
  });
export type OnboardingFile = z.infer<typeof OnboardingFile>;

/** The file's problems in lines a person can fix, or the file. */
export function parseOnboardingFile(
  raw: unknown,
): { ok: true; file: OnboardingFile } | { ok: false; problems: string[] } {
  const parsed = OnboardingFile.safeParse(raw);
  if (parsed.success) return { ok: true, file: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((i) => `${place(i.path)}: ${i.message}`) };
}

const singular: Record<string, string> = { organisaties: 'organisatie', medewerkers: 'medewerker' };

/** Where in the file, as a person counts: `medewerker 3, veld email` (1-based), never a 0-based index. */
function place(path: readonly PropertyKey[]): string {
  if (!path.length) return '(bestand)';
  const [list, index, ...rest] = path;
  const where = typeof index === 'number' ? `${singular[String(list)] ?? String(list)} ${index + 1}` : String(list);
  const field = [typeof index === 'number' ? undefined : index, ...rest].filter((p) => p !== undefined);
  return field.length ? `${where}, veld ${field.map(String).join('.')}` : where;
}
