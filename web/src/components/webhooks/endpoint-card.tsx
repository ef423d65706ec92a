import { createSignal, createUniqueId, For, onCleanup, Show } from 'solid-js';
import type { ResponseBody } from '../../../../shared/api/contract';
import { noticeLabels } from '../../../../shared/domain/notices/notices';
import { disableReasonLabels } from '../../../../shared/domain/notices/webhook-schemas';
import { api } from '../../api/client';
import { datumTijd } from '../../format';
import { ProblemAlert } from '../problem-alert';
import { TextInput } from '../transition/text-input';
import { createAnnouncer, StatusMessage } from './announcer';
import { attemptOutcome, createDeliveryLog, DeliveryLog, deliveryStatusLabels } from './delivery-log';
import { createWebhookRunner } from './endpoint-runner';
import { subscribableKinds } from './notice-kinds-fieldset';
import { OnceSecret, VerifyHelp } from './once-secret';

export type EndpointItem = ResponseBody<'listEndpoints'>['items'][number];

/** After a test notice: look at the log after a second, then a few more times while it is still on its way. */
const TEST_FIRST_LOOK_MS = 1_000;
const TEST_LOOK_AGAIN_MS = 2_000;
const TEST_LOOKS = 6;

/**
 * One endpoint: where it points, what it receives, on or off (and why off), how healthy its deliveries are,
 * its secrets by date only; switch it on or off, rotate its secret, send a test notice, and its delivery log.
 */
export function EndpointCard(props: { corporatieId: string; item: EndpointItem; onChanged: () => unknown }) {
  const id = createUniqueId();
  const endpoint = () => props.item.endpoint;
  const health = () => props.item.gezondheid;
  const log = createDeliveryLog(props.corporatieId, props.item.endpoint.id);
  void log.reload();
  const { act, error, fieldError, fail } = createWebhookRunner(props.onChanged);
  const { message, announce } = createAnnouncer();
  const [overlap, setOverlap] = createSignal('24');
  const [newSecret, setNewSecret] = createSignal<string>();

  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));

  const toggle = () => {
    const on = !endpoint().actief;
    void act(() =>
      api.webhooks.updateEndpoint(props.corporatieId, endpoint().id, { actief: on, versie: endpoint().versie }),
    ).then(
      (ok) =>
        ok &&
        announce(
          on
            ? 'Endpoint aangezet: meldingen worden weer afgeleverd.'
            : 'Endpoint uitgezet: er worden geen meldingen meer afgeleverd.',
        ),
    );
  };

  const rotate = (event: SubmitEvent) => {
    event.preventDefault();
    const hours = Number(overlap().trim());
    if (overlap().trim() === '' || !Number.isInteger(hours) || hours < 0 || hours > 168)
      return fail({ overlapUren: 'Kies 0 tot 168 uur.' });
    setNewSecret();
    void act(async () => {
      const result = await api.webhooks.rotateSecret(props.corporatieId, endpoint().id, {
        overlapUren: hours,
        versie: endpoint().versie,
      });
      setNewSecret(result.secret);
    }).then(
      (ok) =>
        ok &&
        announce(
          hours === 0
            ? 'Nieuw secret gemaakt; het oude is meteen vervallen.'
            : `Nieuw secret gemaakt; het oude tekent nog ${hours} uur mee.`,
        ),
    );
  };

  const sendTest = () => {
    clearTimeout(timer);
    let eventId = '';
    void act(async () => {
      eventId = (await api.webhooks.sendTest(props.corporatieId, endpoint().id)).eventId;
    }).then((ok) => {
      if (!ok) return;
      announce('Testmelding verstuurd. Het afleverlog wordt zo bijgewerkt.');
      const look = async (left: number) => {
        const items = await log.reload();
        const delivery = items?.find((d) => d.eventId === eventId);
        if ((!delivery || delivery.status === 'wachtend') && left > 1) {
          timer = setTimeout(() => void look(left - 1), TEST_LOOK_AGAIN_MS);
          return;
        }
        await props.onChanged();
        if (!delivery) return;
        const last = delivery.pogingen.at(-1);
        announce(
          delivery.status === 'afgeleverd'
            ? `Testmelding afgeleverd${last ? ` (${attemptOutcome(last)})` : ''}.`
            : `Testmelding nog niet afgeleverd: ${deliveryStatusLabels[delivery.status].toLowerCase()}${last ? `, laatste poging ${attemptOutcome(last)}` : ''}. Zie het afleverlog.`,
        );
      };
      timer = setTimeout(() => void look(TEST_LOOKS), TEST_FIRST_LOOK_MS);
    });
  };

  const kinds = () => endpoint().soorten.filter((k) => k !== 'test');
  const allKinds = () => subscribableKinds.every((k) => endpoint().soorten.includes(k));

  return (
    <section
      class="landing-endpoint"
      classList={{ 'landing-endpoint--off': !endpoint().actief }}
      aria-labelledby={`${id}-url`}
    >
      <h3 id={`${id}-url`} class="utrecht-heading-3 landing-endpoint__url">
        {endpoint().url}
      </h3>
      <ProblemAlert message={error()} />
      <StatusMessage message={message()} />
      <dl class="utrecht-data-list utrecht-data-list--rows">
        <div class="utrecht-data-list__item">
          <dt class="utrecht-data-list__item-key">Aan of uit</dt>
          <dd class="utrecht-data-list__item-value">
            <Show
              when={endpoint().actief}
              fallback={
                <>
                  <strong class="landing-endpoint-state landing-endpoint-state--off">Uit</strong>
                  <Show when={endpoint().uitgeschakeld}>
                    {(off) => (
                      <>
                        {' '}
                        sinds {datumTijd(off().op)}: {disableReasonLabels[off().reden]}
                      </>
                    )}
                  </Show>
                </>
              }
            >
              <strong class="landing-endpoint-state landing-endpoint-state--on">Aan</strong>
            </Show>
          </dd>
        </div>
        <div class="utrecht-data-list__item">
          <dt class="utrecht-data-list__item-key">Meldingen</dt>
          <dd class="utrecht-data-list__item-value">
            <Show when={allKinds()}>
              <p class="utrecht-paragraph">Alle soorten ({kinds().length}):</p>
            </Show>
            <ul class="utrecht-unordered-list landing-kinds">
              <For each={kinds()}>{(k) => <li class="utrecht-unordered-list__item">{noticeLabels[k]}</li>}</For>
            </ul>
          </dd>
        </div>
        <div class="utrecht-data-list__item">
          <dt class="utrecht-data-list__item-key">Gezondheid</dt>
          <dd class="utrecht-data-list__item-value">
            <span>
              {health().afgeleverd} afgeleverd, {health().wachtend} wachtend, {health().geparkeerd} geparkeerd
            </span>
            <br />
            <span class="landing-muted">
              <Show when={health().succesPercentage !== undefined} fallback="Nog geen pogingen gedaan.">
                {health().succesPercentage}% van de pogingen geslaagd
                {health().mediaanLatencyMs !== undefined ? `, mediane responstijd ${health().mediaanLatencyMs} ms` : ''}{' '}
                (laatste 50 afleveringen)
              </Show>
            </span>
          </dd>
        </div>
        <div class="utrecht-data-list__item">
          <dt class="utrecht-data-list__item-key">Laatst geslaagd</dt>
          <dd class="utrecht-data-list__item-value">
            {endpoint().laatsteSuccesOp ? datumTijd(endpoint().laatsteSuccesOp!) : 'Nog nooit'}
          </dd>
        </div>
        <Show when={endpoint().faaltSinds}>
          {(since) => (
            <div class="utrecht-data-list__item">
              <dt class="utrecht-data-list__item-key">Faalt sinds</dt>
              <dd class="utrecht-data-list__item-value">
                <strong class="landing-endpoint-state landing-endpoint-state--off">{datumTijd(since())}</strong>:
                sindsdien mislukte elke poging
              </dd>
            </div>
          )}
        </Show>
        <div class="utrecht-data-list__item">
          <dt class="utrecht-data-list__item-key">Secrets</dt>
          <dd class="utrecht-data-list__item-value">
            <ul class="utrecht-unordered-list" aria-label="Secrets">
              <For each={endpoint().secrets}>
                {(s) => (
                  <li class="utrecht-unordered-list__item">
                    Aangemaakt op {datumTijd(s.aangemaaktOp)},{' '}
                    {s.verlooptOp ? `vervalt op ${datumTijd(s.verlooptOp)}` : 'vervalt niet'}
                  </li>
                )}
              </For>
            </ul>
          </dd>
        </div>
        <div class="utrecht-data-list__item">
          <dt class="utrecht-data-list__item-key">Toegevoegd</dt>
          <dd class="utrecht-data-list__item-value">
            {datumTijd(endpoint().aangemaaktOp)} door {endpoint().aangemaaktDoor.naam}
          </dd>
        </div>
      </dl>
      <div class="utrecht-button-group landing-actions">
        <button type="button" class="utrecht-button utrecht-button--primary-action" onClick={sendTest}>
          Testmelding sturen
        </button>
        <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={toggle}>
          {endpoint().actief ? 'Endpoint uitzetten' : 'Endpoint aanzetten'}
        </button>
      </div>
      <Show when={newSecret()}>
        {(secret) => (
          <OnceSecret
            title="Nieuw secret"
            warning="Bewaar dit secret nu: het wordt niet opnieuw getoond"
            value={secret()}
            valueLabel="Secret"
            level={4}
            onHide={() => setNewSecret()}
          >
            <VerifyHelp level={5} />
          </OnceSecret>
        )}
      </Show>
      <details class="landing-details">
        <summary>Secret roteren</summary>
        <p class="utrecht-paragraph landing-muted">
          Tijdens de overlap tekent Landing met het nieuwe én het oude secret, zodat de corporatie rustig kan
          overstappen. Het nieuwe secret wordt één keer getoond.
        </p>
        <form class="utrecht-form landing-filters" novalidate onSubmit={rotate}>
          <TextInput
            id={`${id}-overlap`}
            label="Overlap in uren (0 tot 168)"
            type="number"
            inputmode="numeric"
            value={overlap()}
            onInput={setOverlap}
            error={fieldError('overlapUren')}
          />
          <button type="submit" class="utrecht-button utrecht-button--secondary-action landing-filters__submit">
            Nieuw secret maken
          </button>
        </form>
      </details>
      <DeliveryLog
        corporatieId={props.corporatieId}
        endpointId={props.item.endpoint.id}
        log={log}
        onReplayed={props.onChanged}
      />
    </section>
  );
}
