import * as z from 'zod';
import { signFases } from './signaleringsplan';

/**
 * A task (taak) for one person: answer a signal before its deadline. The follow-up workflow gives one to each
 * begeleider of the duo, and one to each team lead when nobody picked the signal up in time. Open tasks are
 * what a caseworker's "vandaag" shows first; picking up or resolving the signal closes them.
 */
export const taskRoles = ['duo', 'teamleider'] as const;
export type TaskRole = (typeof taskRoles)[number];

const Door = z.object({ id: z.string(), naam: z.string() });

export const Task = z
  .object({
    id: z.string(),
    transitionId: z.string(),
    signaalId: z.string(),
    /** Who must act, and in which role: as begeleider of the duo, or as team lead after an escalation. */
    voor: Door,
    rol: z.enum(taskRoles),
    /** Enough to recognise the person in a list of tasks across transitions (the own organisation only). */
    persoon: z.object({ voornaam: z.string(), achternaam: z.string() }),
    fase: z.enum(signFases),
    wat: z.string(),
    deadline: z.iso.datetime(),
    status: z.enum(['open', 'gedaan']),
    aangemaaktOp: z.iso.datetime(),
    gedaanOp: z.iso.datetime().optional(),
  })
  .meta({ id: 'Taak' });
export type Task = z.infer<typeof Task>;

/** One task per person per signal and role: created twice (a retried step), it is still one task. */
export function taskId(signaalId: string, rol: TaskRole, userId: string): string {
  return `${signaalId}.${rol}.${userId}`;
}
