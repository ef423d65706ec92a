import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/domain/audit/audit';
import { groupLooks } from '../../web/src/components/audit/group-looks';

let n = 0;
const entry = (at: string, over: Partial<AuditEntry> = {}): AuditEntry =>
  ({
    id: `e${n++}`,
    at,
    actie: 'lezen',
    operatie: 'getTransition',
    onderdeel: 'traject',
    persoonRef: 'p1',
    transitionId: 't1',
    gebruiker: { id: 'u-sanne', naam: 'Sanne de Vries', organisatieId: 'org', rol: 'begeleider' },
    namens: { id: 'u-sanne', naam: 'Sanne de Vries' },
    grond: 'behandelrelatie',
    waar: { requestId: `r${n}`, kanaal: 'web-api' },
    ...over,
  }) as AuditEntry;

describe('one page view, one "ingezien" line', () => {
  it('groups the reads one page makes of one record, newest first, with the parts it read', () => {
    const lines = groupLooks([
      entry('2026-12-07T10:00:02Z', { onderdeel: 'signalen' }),
      entry('2026-12-07T10:00:01Z', { onderdeel: 'contactmomenten' }),
      entry('2026-12-07T10:00:00Z', { onderdeel: 'traject' }),
    ]);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.onderdelen).toEqual(['traject', 'contactmomenten', 'signalen']);
    expect(lines[0]!.entry.at).toBe('2026-12-07T10:00:00Z');
  });

  it('keeps apart another user, another record, a change, and a look after a pause', () => {
    const lines = groupLooks([
      entry('2026-12-07T11:00:00Z'),
      entry('2026-12-07T10:00:04Z', { transitionId: 't2', persoonRef: 'p2' }),
      entry('2026-12-07T10:00:03Z', {
        gebruiker: { id: 'u-ingrid', naam: 'Ingrid Visser', organisatieId: 'org', rol: 'teamleider' },
      }),
      entry('2026-12-07T10:00:02Z', { actie: 'wijzigen' }),
      entry('2026-12-07T10:00:01Z'),
      entry('2026-12-07T10:00:00Z'),
    ]);
    expect(lines.map((l) => l.entry.actie)).toEqual(['lezen', 'lezen', 'lezen', 'wijzigen', 'lezen']);
    expect(lines.at(-1)!.onderdelen).toEqual(['traject']);
  });
});
