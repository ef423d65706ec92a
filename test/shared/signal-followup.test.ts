import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, instantInNetherlands, isWeekend, zonedInstant } from '../../shared/domain/common/calendar';
import {
  acknowledgeSignal,
  escalate,
  openDuoTasks,
  proposeScaleUp,
  resolveSignal,
} from '../../shared/domain/signals/signal-commands';
import { nextFollowUpStep, type FollowUpFacts } from '../../shared/domain/signals/signal-followup';
import type { Signal } from '../../shared/domain/signals/signal-schemas';
import { responseDeadline } from '../../shared/domain/signals/signals';
import { defaultSupportConfig, type SupportChange, type SupportLevel } from '../../shared/domain/support/support';
import { RuleViolation } from '../../shared/domain/common/errors';

const door = { id: 'u-sanne', naam: 'Sanne de Vries' };
const steun = (niveau: SupportLevel, vanaf: string, tot?: string): SupportChange => ({
  id: `${niveau}-${vanaf}`,
  niveau,
  modaliteiten: ['thuis'],
  reden: 'test',
  vanaf,
  ...(tot ? { tot } : {}),
  door,
});

/** Tuesday 9 March 2027, 10:00 in Utrecht (09:00Z). */
const now = new Date('2027-03-09T09:00:00Z');
const hoursLater = (hours: number) => new Date(now.getTime() + hours * 3_600_000);

function signal(overrides: Partial<Signal> = {}): Signal {
  return {
    id: 's1',
    transitionId: 't1',
    versie: 1,
    at: now.toISOString(),
    bron: 'buur-of-medebewoner',
    omschrijving: 'Doet al twee dagen niet open',
    fase: 'rood',
    status: 'open',
    deadline: hoursLater(4).toISOString(),
    geregistreerdDoor: door,
    ...overrides,
  };
}

function facts(overrides: Partial<FollowUpFacts> = {}): FollowUpFacts {
  return {
    transition: {
      fase: 'landing',
      ondersteuning: [steun('regulier', '2027-03-01')],
      createdAt: '2027-01-01T10:00:00.000Z',
    },
    signals: [],
    lastContactAt: '2027-03-08T10:00:00.000Z',
    now,
    support: defaultSupportConfig,
    ...overrides,
  };
}

describe('follow-up of a rood signal', () => {
  it('first gives the duo a task, then proposes a scale-up, then waits for the deadline', () => {
    expect(nextFollowUpStep(facts({ signals: [signal()] }))).toEqual({ stap: 'taak-duo', signaalId: 's1' });
    const withTask = signal({ taakAangemaaktOp: now.toISOString() });
    expect(nextFollowUpStep(facts({ signals: [withTask] }))).toEqual({
      stap: 'opschaling-voorstellen',
      signaalId: 's1',
    });
    const proposed = {
      ...withTask,
      opschalingsvoorstel: { niveau: 'intensief', modaliteiten: ['thuis'], tot: '2027-03-23', logeerplek: true },
    } satisfies Signal;
    expect(nextFollowUpStep(facts({ signals: [proposed] }))).toEqual({ stap: 'wacht', om: proposed.deadline });
  });

  it('escalates at the deadline when nobody picked it up, and not when someone did', () => {
    const waiting = signal({
      taakAangemaaktOp: now.toISOString(),
      opschalingsvoorstel: { niveau: 'intensief', modaliteiten: ['thuis'], tot: '2027-03-23', logeerplek: true },
    });
    expect(nextFollowUpStep(facts({ signals: [waiting], now: hoursLater(3.99) })).stap).toBe('wacht');
    expect(nextFollowUpStep(facts({ signals: [waiting], now: hoursLater(4) }))).toEqual({
      stap: 'escaleren',
      signaalId: 's1',
    });
    const pickedUp = { ...waiting, status: 'bevestigd' as const };
    expect(nextFollowUpStep(facts({ signals: [pickedUp], now: hoursLater(5) })).stap).not.toBe('escaleren');
    const escalated = { ...waiting, geescaleerdOp: hoursLater(4).toISOString() };
    expect(nextFollowUpStep(facts({ signals: [escalated], now: hoursLater(5) })).stap).not.toBe('escaleren');
  });

  it('gives an oranje signal a task but no proposal and no escalation; groen nothing', () => {
    const oranje = signal({ fase: 'oranje', deadline: hoursLater(24).toISOString() });
    expect(nextFollowUpStep(facts({ signals: [oranje] }))).toEqual({ stap: 'taak-duo', signaalId: 's1' });
    const tasked = { ...oranje, taakAangemaaktOp: now.toISOString() };
    expect(nextFollowUpStep(facts({ signals: [tasked], now: hoursLater(30) })).stap).not.toMatch(
      /opschaling-voorstellen|escaleren/,
    );
    expect(nextFollowUpStep(facts({ signals: [signal({ fase: 'groen', deadline: undefined })] })).stap).toBe('wacht');
  });

  it('does nothing more for a closed transition', () => {
    expect(
      nextFollowUpStep(
        facts({
          transition: { fase: 'beeindigd', ondersteuning: [], createdAt: now.toISOString() },
          signals: [signal()],
        }),
      ),
    ).toEqual({ stap: 'geen' });
  });
});

describe('the contact watch', () => {
  const waakvlam = {
    fase: 'landing' as const,
    ondersteuning: [steun('waakvlam', '2027-01-01')],
    createdAt: '2027-01-01T10:00:00.000Z',
  };

  it('raises a signal the first day past what the level allows, and sets the alarm for that morning before', () => {
    const lastContact = '2027-02-06T10:00:00.000Z'; // 31 days before 9 March; waakvlam allows 30
    expect(nextFollowUpStep(facts({ transition: waakvlam, lastContactAt: lastContact }))).toEqual({
      stap: 'contact-signaleren',
      sinds: '2027-02-06',
      dagen: 31,
      toegestaan: 30,
    });
    const dayLater = '2027-02-07T10:00:00.000Z';
    expect(nextFollowUpStep(facts({ transition: waakvlam, lastContactAt: dayLater }))).toEqual({
      stap: 'wacht',
      om: instantInNetherlands('2027-03-10').toISOString(),
    });
  });

  it('raises it once per period the level allows, counting from its own signal', () => {
    const raised = signal({
      id: 'contact-2027-03-09',
      bron: 'contactbewaking',
      fase: 'oranje',
      taakAangemaaktOp: now.toISOString(),
      status: 'afgehandeld',
    });
    const step = nextFollowUpStep(
      facts({ transition: waakvlam, lastContactAt: '2027-01-01T10:00:00.000Z', signals: [raised] }),
    );
    expect(step).toEqual({ stap: 'wacht', om: instantInNetherlands('2027-04-09').toISOString() });
  });

  it('counts from the start of support when nobody has had contact yet', () => {
    expect(
      nextFollowUpStep(
        facts({
          transition: { ...waakvlam, ondersteuning: [steun('intensief', '2027-03-06')] },
          lastContactAt: undefined,
        }),
      ).stap,
    ).toBe('contact-signaleren');
  });
});

describe('the end of a temporary scale-up', () => {
  it('is recorded from the morning after its last day, and not for ends long past', () => {
    const ondersteuning = [steun('regulier', '2027-01-01'), steun('intensief', '2027-02-20', '2027-03-08')];
    expect(
      nextFollowUpStep(
        facts({ transition: { fase: 'landing', ondersteuning, createdAt: '2027-01-01T10:00:00.000Z' } }),
      ),
    ).toEqual({ stap: 'opschaling-afgelopen', wijzigingId: 'intensief-2027-02-20' });
    const recorded = [ondersteuning[0]!, { ...ondersteuning[1]!, afgelopenGemeldOp: '2027-03-09' }];
    expect(
      nextFollowUpStep(
        facts({ transition: { fase: 'landing', ondersteuning: recorded, createdAt: '2027-01-01T10:00:00.000Z' } }),
      ).stap,
    ).toBe('wacht');
    const longAgo = [steun('regulier', '2026-01-01'), steun('intensief', '2026-05-01', '2026-06-01')];
    expect(
      nextFollowUpStep(
        facts({ transition: { fase: 'landing', ondersteuning: longAgo, createdAt: '2026-01-01T10:00:00.000Z' } }),
      ).stap,
    ).toBe('wacht');
  });

  it('sets its alarm no later than anything it waits for, and not in the past (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 47 }), (daysToEnd, hoursToDeadline) => {
        const tot = addDays('2027-03-09', daysToEnd);
        const deadline = hoursLater(hoursToDeadline).toISOString();
        const waiting = signal({
          deadline,
          taakAangemaaktOp: now.toISOString(),
          opschalingsvoorstel: { niveau: 'intensief', modaliteiten: ['thuis'], tot, logeerplek: false },
        });
        const ondersteuning = [steun('regulier', '2027-01-01'), steun('verhoogd', '2027-03-01', tot)];
        const step = nextFollowUpStep(
          facts({
            transition: { fase: 'landing', ondersteuning, createdAt: '2027-01-01T10:00:00.000Z' },
            signals: [waiting],
          }),
        );
        if (step.stap !== 'wacht') throw new Error(`expected a wait, got ${step.stap}`);
        expect(step.om <= deadline).toBe(true);
        expect(step.om <= instantInNetherlands(addDays(tot, 1)).toISOString()).toBe(true);
        expect(step.om > now.toISOString()).toBe(true);
      }),
    );
  });
});

describe('signal commands', () => {
  it('opens one task per begeleider of the duo, due at the signal’s deadline', () => {
    const result = openDuoTasks(
      signal(),
      {
        begeleiders: [door, { id: 'u-youssef', naam: 'Youssef El Amrani' }],
        persoon: { voornaam: 'Piet', achternaam: 'Bakker' },
      },
      now,
    );
    expect(result.newTasks?.map((t) => [t.voor.id, t.rol, t.deadline])).toEqual([
      ['u-sanne', 'duo', hoursLater(4).toISOString()],
      ['u-youssef', 'duo', hoursLater(4).toISOString()],
    ]);
    expect(result.event.omschrijving).toContain('Sanne de Vries en Youssef El Amrani');
    expect(result.after.taakAangemaaktOp).toBe(now.toISOString());
  });

  it('escalates to every team lead with an hour to act, and says so when there is none', () => {
    const result = escalate(
      signal(),
      [{ id: 'u-ingrid', naam: 'Ingrid Visser' }],
      { voornaam: 'Piet', achternaam: 'Bakker' },
      hoursLater(4),
    );
    expect(result.newTasks).toEqual([
      expect.objectContaining({
        rol: 'teamleider',
        voor: { id: 'u-ingrid', naam: 'Ingrid Visser' },
        deadline: hoursLater(5).toISOString(),
      }),
    ]);
    expect(escalate(signal(), [], { voornaam: 'P', achternaam: 'B' }, now).event.omschrijving).toContain(
      'geen teamleider',
    );
  });

  it('proposes two weeks intensief with 24/7 reach and the logeerplek as an option', () => {
    expect(proposeScaleUp(signal(), '2027-03-09').after.opschalingsvoorstel).toEqual({
      niveau: 'intensief',
      modaliteiten: ['thuis', 'remote-24-7'],
      tot: '2027-03-23',
      logeerplek: true,
    });
  });

  it('is picked up once and resolved once; resolving an open signal also picks it up', () => {
    const picked = acknowledgeSignal(signal(), door, now).after;
    expect(() => acknowledgeSignal(picked, door, now)).toThrow(RuleViolation);
    const resolved = resolveSignal(signal(), { notitie: 'Langs geweest' }, door, hoursLater(1)).after;
    expect(resolved).toMatchObject({
      status: 'afgehandeld',
      bevestigd: { door },
      afgehandeld: { notitie: 'Langs geweest' },
    });
    expect(() => resolveSignal(resolved, { notitie: 'Nog eens' }, door, now)).toThrow(RuleViolation);
  });
});

describe('time for deadlines and alarms', () => {
  it('counts a working day for oranje: a deadline in the weekend moves to Monday; rood counts around the clock', () => {
    const friday = new Date('2027-03-05T15:00:00Z');
    expect(responseDeadline('oranje', friday)?.toISOString()).toBe('2027-03-08T15:00:00.000Z');
    expect(responseDeadline('oranje', new Date('2027-03-09T15:00:00Z'))?.toISOString()).toBe(
      '2027-03-10T15:00:00.000Z',
    );
    expect(responseDeadline('rood', friday)?.toISOString()).toBe('2027-03-05T19:00:00.000Z');
    expect(responseDeadline('groen', friday)).toBeUndefined();
    expect([isWeekend('2027-03-06'), isWeekend('2027-03-07'), isWeekend('2027-03-08')]).toEqual([true, true, false]);
  });

  it('sets the morning alarm at 07:00 Dutch time in winter and in summer', () => {
    expect(instantInNetherlands('2027-01-15').toISOString()).toBe('2027-01-15T06:00:00.000Z');
    expect(instantInNetherlands('2027-07-15').toISOString()).toBe('2027-07-15T05:00:00.000Z');
    expect(zonedInstant('2027-03-28T07:00:00', 'Europe/Amsterdam').toISOString()).toBe('2027-03-28T05:00:00.000Z'); // the day summer time starts
    expect(zonedInstant('2027-03-28T07:00:00', 'UTC').toISOString()).toBe('2027-03-28T07:00:00.000Z');
  });
});
