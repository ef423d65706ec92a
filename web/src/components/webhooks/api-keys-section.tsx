import { createConfirm } from '../confirm-dialog';
import { createAsync, revalidate } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { Organisation } from '../../../../shared/domain/organisation/organisation';
import { api } from '../../api/client';
import { getApiKeys } from '../../api/queries';
import { datumTijd } from '../../format';
import { createActionRunner } from '../action-runner';
import { ProblemAlert } from '../problem-alert';
import { createAnnouncer, StatusMessage } from './announcer';
import { OnceSecret } from './once-secret';

/** The corporation's API keys (to report signals and fetch notices again): listed by prefix, made, revoked. */
export function ApiKeysSection(props: { corporation: Organisation }) {
  const corporatieId = props.corporation.id;
  const loaded = createAsync(() => getApiKeys(corporatieId));
  const keys = () => loaded()?.value;
  const { act, error } = createActionRunner(() => revalidate(getApiKeys.keyFor(corporatieId)));
  const { message, announce } = createAnnouncer();
  const [made, setMade] = createSignal<string>();

  const create = () => {
    setMade();
    let prefix = '';
    void act(async () => {
      const result = await api.webhooks.createApiKey(corporatieId);
      prefix = result.sleutel.prefix;
      setMade(result.apiKey);
    }).then((ok) => ok && announce(`API-sleutel ${shown(prefix)} gemaakt.`));
  };
  const confirm = createConfirm();
  const revoke = async (prefix: string) => {
    const asked = await confirm.ask({
      title: `API-sleutel ${shown(prefix)} intrekken?`,
      lines: [`Systemen van ${props.corporation.naam} die hem gebruiken, krijgen dan meteen geen toegang meer.`],
      confirm: 'Sleutel intrekken',
      danger: true,
    });
    if (!asked) return;
    void act(() => api.webhooks.revokeApiKey(corporatieId, prefix)).then(
      (ok) => ok && announce(`API-sleutel ${shown(prefix)} ingetrokken.`),
    );
  };

  return (
    <section class="landing-panel" aria-labelledby="api-sleutels-title">
      <h2 id="api-sleutels-title" class="utrecht-heading-2">
        API-sleutels
      </h2>
      <p class="utrecht-paragraph">
        Met een API-sleutel meldt het systeem van {props.corporation.naam} signalen over een woning aan Landing en haalt
        het een melding opnieuw op. Een sleutel van jouw organisatie geldt alleen voor de woningen waar jullie
        begeleiden; hier staan alleen de sleutels die jullie gaven. Van een sleutel zie je alleen het begin.
      </p>
      <ProblemAlert message={loaded()?.error ? 'De API-sleutels konden niet worden geladen.' : error()} />
      <StatusMessage message={message()} />
      <confirm.Dialog />
      <Show when={keys()}>
        {(list) => (
          <Show
            when={list().items.length > 0}
            fallback={<p class="utrecht-paragraph">{props.corporation.naam} heeft geen API-sleutels.</p>}
          >
            <ul class="landing-offers" aria-label={`API-sleutels van ${props.corporation.naam}`}>
              <For each={list().items}>
                {(key) => (
                  <li class="landing-offer landing-api-key">
                    <span>
                      <code class="utrecht-code">{shown(key.prefix)}</code>, aangemaakt op {datumTijd(key.aangemaaktOp)}{' '}
                      door {key.aangemaaktDoor.naam}
                    </span>
                    <span>
                      <button
                        type="button"
                        class="utrecht-button utrecht-button--secondary-action"
                        onClick={() => void revoke(key.prefix)}
                      >
                        Intrekken<span class="landing-visually-hidden">: API-sleutel {shown(key.prefix)}</span>
                      </button>
                    </span>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
      <Show when={made()}>
        {(apiKey) => (
          <OnceSecret
            title="Nieuwe API-sleutel"
            warning="Bewaar deze sleutel nu: hij wordt niet opnieuw getoond"
            value={apiKey()}
            valueLabel="API-sleutel"
            level={3}
            onHide={() => setMade()}
          >
            <p class="utrecht-paragraph landing-muted">
              Geef de sleutel via een veilige weg aan {props.corporation.naam}. Haar systeem stuurt hem mee als{' '}
              <code>Authorization: Bearer …</code>.
            </p>
          </OnceSecret>
        )}
      </Show>
      <div class="landing-actions">
        <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={create}>
          Nieuwe API-sleutel maken
        </button>
      </div>
    </section>
  );
}

/** How a key is named without revealing it: `lnd_ab12cd34_…`. */
const shown = (prefix: string) => `lnd_${prefix}_…`;
