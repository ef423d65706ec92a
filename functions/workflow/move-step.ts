import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { todayInNetherlands } from '../../shared/domain/common/calendar';
import { nextMoveStep } from '../../shared/domain/transition/move-process';
import { municipalityPolicy } from '../../shared/domain/organisation/municipality-policy';
import { applyMoveStep } from '../../shared/domain/transition/transition-commands';
import { clock } from '../clock';
import { RuleViolation } from '../../shared/domain/common/errors';
import { correlationIdOfInput, observed } from '../observability/context';
import { logger } from '../observability/logger';
import { lazy, runtime } from '../runtime';
import { DynamoTransitionStore } from '../storage/dynamo-transition-store';
import { DynamoBudgetStore } from '../storage/dynamo-budget-store';
import type { BudgetStore } from '../budget/ports';
import type { TransitionsDeps } from '../transitions/ports';
import { applyToLatest } from '../transitions/run-command';

/**
 * The move workflow's task: `bepaal` reads which step is due (or until when to wait); any other action
 * carries that step out, recorded as the workflow on the timeline. A step that is no longer due (a retry,
 * a concurrent evaluation) is skipped, so the workflow can safely run it twice.
 */
const actions = [
  'uitkering-taak',
  'vraag-bevestiging',
  'vraag-verhuisbevestiging',
  'evaluatie',
  'landingsreview',
  'omklap-aankondigen',
  'omklap-herinneren',
] as const;
export const MoveStepInput = z.object({
  transitionId: z.string().min(1),
  actie: z.enum(['bepaal', ...actions]),
});

const workflowActor = { soort: 'werkproces', naam: 'Landing (planning verhuizing en omklap)' } as const;

export function createMoveStep(
  deps: () => Pick<TransitionsDeps, 'store' | 'now' | 'newId'> & { budgets: Pick<BudgetStore, 'spends'> },
) {
  return async (input: unknown) => {
    const { transitionId, actie } = MoveStepInput.parse(input);
    const transition = await deps().store.get(transitionId);
    if (!transition) return { transitionId, stap: 'geen' as const };
    if (actie === 'bepaal') {
      const step = nextMoveStep(
        transition,
        municipalityPolicy(transition.gemeenteCode),
        todayInNetherlands(deps().now()),
      );
      logger.info('move step due', { transitionId, stap: step.stap });
      return { transitionId, ...step };
    }
    // The confirmation day also asks whether the moving costs are covered by the regelbudget.
    const facts =
      actie === 'vraag-bevestiging'
        ? {
            verhuiskostenGedekt: (await deps().budgets.spends(transitionId)).some(
              (s) => s.categorie === 'verhuiskosten' && (s.status === 'goedgekeurd' || s.status === 'betaald'),
            ),
          }
        : undefined;
    try {
      await applyToLatest(deps(), transition, workflowActor, (t, ctx) => applyMoveStep(t, actie, ctx, facts));
      logger.info('move step done', { transitionId, actie });
      return { transitionId, uitgevoerd: actie };
    } catch (error) {
      if (!(error instanceof RuleViolation)) throw error;
      return { transitionId, overgeslagen: actie };
    }
  };
}

export const handler = observed(
  createMoveStep(
    lazy(() => ({
      store: new DynamoTransitionStore(runtime.documentClient(), runtime.tableName()),
      budgets: new DynamoBudgetStore(runtime.documentClient(), runtime.tableName()),
      now: clock.now,
      newId: randomUUID,
    })),
  ),
  correlationIdOfInput,
);
