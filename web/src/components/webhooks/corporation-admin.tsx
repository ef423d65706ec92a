import { createAsync, revalidate } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import type { Organisation } from '../../../../shared/domain/organisation/organisation';
import { getEndpoints } from '../../api/queries';
import { ProblemAlert } from '../problem-alert';
import { AddEndpointForm } from './add-endpoint-form';
import { ApiKeysSection } from './api-keys-section';
import { EndpointCard } from './endpoint-card';

/** Everything the provider's administrator manages at one corporation: its endpoints, a new one, its API keys. */
export function CorporationAdmin(props: { corporation: Organisation }) {
  const corporatieId = props.corporation.id;
  const loaded = createAsync(() => getEndpoints(corporatieId));
  const endpoints = () => loaded()?.value;
  const reload = () => revalidate(getEndpoints.keyFor(corporatieId));
  // Cards are keyed by the endpoint's id, so a reload updates a card in place and keeps what it shows
  // (its delivery log, a secret shown once, a message) instead of making it anew.
  const ids = createMemo(() => (endpoints()?.items ?? []).map((i) => i.endpoint.id));
  const itemOf = (id: string) => endpoints()?.items.find((i) => i.endpoint.id === id);

  return (
    <>
      <section class="landing-panel" aria-labelledby="endpoints-title">
        <h2 id="endpoints-title" class="utrecht-heading-2">
          Webhook-endpoints bij {props.corporation.naam}
        </h2>
        <p class="utrecht-paragraph">
          Landing stuurt meldingen over woningen van {props.corporation.naam} (een aanbod geaccepteerd, een
          verhuisdatum, een omklap) ondertekend naar deze adressen, en probeert het opnieuw als een aflevering mislukt.
        </p>
        <ProblemAlert message={loaded()?.error ? 'De endpoints konden niet worden geladen.' : undefined} />
        <Show when={endpoints()}>
          <Show
            when={ids().length > 0}
            fallback={
              <p class="utrecht-paragraph">
                Er is nog geen endpoint bij {props.corporation.naam}. Voeg er hieronder een toe.
              </p>
            }
          >
            <For each={ids()}>
              {(id) => (
                <Show when={itemOf(id)}>
                  {(item) => <EndpointCard corporatieId={corporatieId} item={item()} onChanged={reload} />}
                </Show>
              )}
            </For>
          </Show>
        </Show>
      </section>
      <AddEndpointForm corporatieId={corporatieId} corporatieNaam={props.corporation.naam} onCreated={reload} />
      <ApiKeysSection corporation={props.corporation} />
    </>
  );
}
