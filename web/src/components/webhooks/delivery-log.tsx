import { createSignal, createUniqueId, For, Show } from 'solid-js';
import { noticeLabels } from '../../../../shared/domain/notices/notices';
import type { Attempt, Delivery, DeliveryStatus } from '../../../../shared/domain/notices/webhook-schemas';
import { api, ApiError } from '../../api/client';
import { useDemoClock } from '../../clock/demo-clock';
import { datumTijd } from '../../format';
import { describedBy, FormField } from '../form-field';
import { ProblemAlert } from '../problem-alert';
import { createAnnouncer, StatusMessage } from './announcer';
import { createWebhookRunner } from './endpoint-runner';
import { fromLocalInput, tijdstip, toLocalInput } from './format';

const PAGE_SIZE = 20;

export const deliveryStatusLabels: Record<DeliveryStatus, string> = {
  afgeleverd: 'Afgeleverd',
  wachtend: 'Wachtend',
  geparkeerd: 'Geparkeerd',
};

const failureLabels: Record<NonNullable<Attempt['fout']>, string> = {
  timeout: 'geen antwoord binnen de tijd',
  network: 'netwerkfout (niet bereikbaar)',
  'blocked-address': 'geweigerd: het adres is niet openbaar',
  'endpoint-uit': 'niet verstuurd: het endpoint stond uit',
};

/** What an attempt came to: `HTTP 200, 42 ms`, or the error in words. */
export function attemptOutcome(a: Attempt): string {
  const outcome = a.status !== undefined ? `HTTP ${a.status}` : a.fout ? failureLabels[a.fout] : 'onbekende uitkomst';
  return `${outcome}, ${a.latencyMs} ms`;
}

function attemptText(a: Attempt): string {
  return `${tijdstip(a.op)}: ${attemptOutcome(a)}`;
}

/** The log of one endpoint, newest first, page by page ("Meer laden"). */
export function createDeliveryLog(corporatieId: string, endpointId: string) {
  const [items, setItems] = createSignal<Delivery[]>([]);
  const [nextCursor, setNextCursor] = createSignal<string>();
  const [loaded, setLoaded] = createSignal(false);
  const [loading, setLoading] = createSignal(false);
  const [error, setError] = createSignal<string>();

  const fetchPage = async (cursor?: string) => {
    setLoading(true);
    setError();
    try {
      const page = await api.webhooks.deliveries(corporatieId, endpointId, { limit: PAGE_SIZE, cursor });
      setItems((before) => (cursor ? [...before, ...page.items] : page.items));
      setNextCursor(page.nextCursor);
      setLoaded(true);
      return page.items;
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Het afleverlog kon niet worden geladen.');
      return undefined;
    } finally {
      setLoading(false);
    }
  };
  return {
    items,
    nextCursor,
    loaded,
    loading,
    error,
    /** The newest page again (what was loaded beyond it is dropped: it is older, and may have changed). */
    reload: () => fetchPage(),
    loadMore: () => fetchPage(nextCursor()),
  };
}
export type DeliveryLogState = ReturnType<typeof createDeliveryLog>;

/**
 * The delivery log: per delivery the kind, when, its status in words, every attempt (time, HTTP status or
 * error, latency) and the next one; a parked delivery can be offered again, one by one or all since a moment.
 */
export function DeliveryLog(props: {
  corporatieId: string;
  endpointId: string;
  log: DeliveryLogState;
  onReplayed: () => unknown;
}) {
  const id = createUniqueId();
  const { now: clockNow } = useDemoClock();
  const dayAgo = () =>
    new Date(new Date(clockNow() ?? new Date().toISOString()).getTime() - 24 * 3_600_000).toISOString();
  // Until the user picks a moment: a day before the product's now (the clock arrives a moment after the log).
  const [picked, setSinds] = createSignal<string>();
  const sinds = () => picked() ?? toLocalInput(dayAgo());
  const { act, error, fieldError, fail } = createWebhookRunner(async () => {
    await props.log.reload();
    await props.onReplayed();
  });
  const { message, announce } = createAnnouncer();
  const told = (count: number) =>
    announce(
      count === 0
        ? 'Er was niets om opnieuw aan te bieden.'
        : count === 1
          ? '1 aflevering wordt opnieuw aangeboden.'
          : `${count} afleveringen worden opnieuw aangeboden.`,
    );

  const replayOne = (d: Delivery) => {
    let count = 0;
    void act(async () => {
      count = (
        await api.webhooks.replay(props.corporatieId, props.endpointId, {
          aflevering: { eventId: d.eventId, at: d.at },
        })
      ).opnieuwAangeboden;
    }).then((ok) => ok && told(count));
  };
  const replaySince = (event: SubmitEvent) => {
    event.preventDefault();
    const iso = fromLocalInput(sinds());
    if (!iso) return fail({ sinds: 'Vul een datum en tijd in.' });
    let count = 0;
    void act(async () => {
      count = (await api.webhooks.replay(props.corporatieId, props.endpointId, { sinds: iso })).opnieuwAangeboden;
    }).then((ok) => ok && told(count));
  };

  return (
    <div class="landing-delivery-log">
      <h4 id={`${id}-title`} class="utrecht-heading-4">
        Afleverlog
      </h4>
      <ProblemAlert message={props.log.error() ?? error()} />
      <StatusMessage message={message()} />
      <Show
        when={props.log.loaded()}
        fallback={<p class="utrecht-paragraph">{props.log.loading() ? 'Het afleverlog wordt geladen…' : ''}</p>}
      >
        <Show
          when={props.log.items().length > 0}
          fallback={
            <p class="utrecht-paragraph">Nog geen afleveringen. Stuur een testmelding om het endpoint te proberen.</p>
          }
        >
          <ol class="landing-deliveries" aria-label="Afleveringen, nieuwste eerst">
            <For each={props.log.items()}>
              {(d) => {
                const itemId = createUniqueId();
                return (
                  <li class="landing-delivery">
                    <p class="utrecht-paragraph landing-delivery__head">
                      <strong id={`${itemId}-what`}>
                        {noticeLabels[d.soort]}, {datumTijd(d.at)}
                      </strong>{' '}
                      <span class={`landing-delivery-status landing-delivery-status--${d.status}`}>
                        {deliveryStatusLabels[d.status]}
                      </span>
                    </p>
                    <Show when={d.afgeleverdOp}>
                      {(op) => <p class="utrecht-paragraph landing-muted">Afgeleverd op {tijdstip(op())}</p>}
                    </Show>
                    <Show
                      when={d.pogingen.length > 0}
                      fallback={<p class="utrecht-paragraph landing-muted">Nog geen poging gedaan.</p>}
                    >
                      <ol class="landing-attempts" aria-label={`Pogingen (${d.pogingen.length})`}>
                        <For each={d.pogingen}>
                          {(a, i) => (
                            <li classList={{ 'landing-attempt--earlier': i() < d.rondeStart }}>
                              {attemptText(a)}
                              {i() < d.rondeStart ? ' (vóór het opnieuw aanbieden)' : ''}
                            </li>
                          )}
                        </For>
                      </ol>
                    </Show>
                    <Show when={d.status === 'wachtend' && d.volgendePoging}>
                      {(op) => (
                        <p class="utrecht-paragraph landing-muted">Volgende poging: {tijdstip(op() as string)}</p>
                      )}
                    </Show>
                    <Show when={d.status === 'geparkeerd'}>
                      <p class="utrecht-paragraph landing-muted">Geparkeerd: Landing probeert het niet meer vanzelf.</p>
                      <div>
                        <button
                          type="button"
                          class="utrecht-button utrecht-button--secondary-action"
                          aria-describedby={`${itemId}-what`}
                          onClick={() => replayOne(d)}
                        >
                          Opnieuw aanbieden
                        </button>
                      </div>
                    </Show>
                  </li>
                );
              }}
            </For>
          </ol>
        </Show>
      </Show>
      <div class="utrecht-button-group landing-more">
        <Show when={props.log.nextCursor()}>
          <button
            type="button"
            class="utrecht-button utrecht-button--secondary-action"
            disabled={props.log.loading()}
            onClick={() => void props.log.loadMore()}
          >
            Meer laden
          </button>
        </Show>
        <button
          type="button"
          class="utrecht-button utrecht-button--subtle"
          disabled={props.log.loading()}
          onClick={() => void props.log.reload()}
        >
          Afleverlog vernieuwen
        </button>
      </div>
      <form class="utrecht-form landing-filters" novalidate onSubmit={replaySince}>
        <FormField id={`${id}-sinds`} label="Alles wat mislukte opnieuw aanbieden sinds" error={fieldError('sinds')}>
          <input
            id={`${id}-sinds`}
            type="datetime-local"
            class="utrecht-textbox utrecht-textbox--html-input"
            classList={{ 'utrecht-textbox--invalid': Boolean(fieldError('sinds')) }}
            value={sinds()}
            onInput={(e) => setSinds(e.currentTarget.value)}
            aria-invalid={fieldError('sinds') ? 'true' : undefined}
            aria-describedby={describedBy(`${id}-sinds`, { error: fieldError('sinds') })}
          />
        </FormField>
        <button type="submit" class="utrecht-button utrecht-button--secondary-action landing-filters__submit">
          Mislukte afleveringen opnieuw aanbieden
        </button>
      </form>
    </div>
  );
}
