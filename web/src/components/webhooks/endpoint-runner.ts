import { ApiError } from '../../api/client';
import { createActionRunner } from '../action-runner';

/**
 * The action runner of the webhook panels, with one addition: a 409 (someone changed the endpoint in the
 * meantime, so our `versie` is old) reloads what is shown, and says so, so the next try uses the new version.
 */
export function createWebhookRunner(after: () => unknown, reload: () => unknown = after) {
  const runner = createActionRunner(after);
  const act = (action: () => Promise<unknown>) =>
    runner.act(async () => {
      try {
        await action();
      } catch (e) {
        if (e instanceof ApiError && e.status === 409) {
          await reload();
          throw new ApiError(409, {
            code: e.problem.code,
            title:
              'Dit is intussen gewijzigd, door iemand anders of door Landing zelf. We hebben het opnieuw geladen: bekijk het en probeer het nog eens.',
          });
        }
        throw e;
      }
    });
  /** The message of a field, including those of its items (`soorten.0`). */
  const fieldError = (name: string): string | undefined => {
    const errors = runner.fieldErrors();
    return errors[name] ?? Object.entries(errors).find(([key]) => key.startsWith(`${name}.`))?.[1];
  };
  return { ...runner, act, fieldError };
}
