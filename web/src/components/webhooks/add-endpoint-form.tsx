import { createSignal, Show } from 'solid-js';
import type { NoticeKind } from '../../../../shared/domain/notices/notices';
import { api } from '../../api/client';
import { describedBy, FormField } from '../form-field';
import { ProblemAlert } from '../problem-alert';
import { createAnnouncer, StatusMessage } from './announcer';
import { createWebhookRunner } from './endpoint-runner';
import { NoticeKindsFieldset, subscribableKinds } from './notice-kinds-fieldset';
import { OnceSecret, VerifyHelp } from './once-secret';

/** Adds an endpoint: its URL and the kinds it receives (all by default); the secret is shown once. */
export function AddEndpointForm(props: { corporatieId: string; corporatieNaam: string; onCreated: () => unknown }) {
  const [url, setUrl] = createSignal('');
  const [soorten, setSoorten] = createSignal<NoticeKind[]>([...subscribableKinds]);
  const [made, setMade] = createSignal<{ url: string; secret: string }>();
  const { act, error, fieldError } = createWebhookRunner(props.onCreated);
  const { message, announce } = createAnnouncer();

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    setMade();
    void act(async () => {
      const result = await api.webhooks.createEndpoint(props.corporatieId, { url: url().trim(), soorten: soorten() });
      setMade({ url: result.endpoint.url, secret: result.secret });
    }).then((ok) => {
      if (!ok) return;
      setUrl('');
      setSoorten([...subscribableKinds]);
      announce('Endpoint toegevoegd.');
    });
  };

  return (
    <section class="landing-panel" aria-labelledby="endpoint-toevoegen-title">
      <h2 id="endpoint-toevoegen-title" class="utrecht-heading-2">
        Endpoint toevoegen
      </h2>
      <ProblemAlert message={error()} />
      <StatusMessage message={message()} />
      <Show when={made()}>
        {(m) => (
          <OnceSecret
            title={`Secret van ${m().url}`}
            warning="Bewaar dit secret nu: het wordt niet opnieuw getoond"
            value={m().secret}
            valueLabel="Secret"
            level={3}
            onHide={() => setMade()}
          >
            <VerifyHelp level={4} />
          </OnceSecret>
        )}
      </Show>
      <form class="utrecht-form landing-form" novalidate onSubmit={submit}>
        <FormField
          id="endpoint-url"
          label="URL van het endpoint"
          description={`Het adres waar het systeem van ${props.corporatieNaam} meldingen ontvangt. Alleen https.`}
          error={fieldError('url')}
        >
          <input
            id="endpoint-url"
            type="url"
            inputmode="url"
            autocomplete="off"
            spellcheck={false}
            class="utrecht-textbox utrecht-textbox--html-input"
            classList={{ 'utrecht-textbox--invalid': Boolean(fieldError('url')) }}
            value={url()}
            onInput={(e) => setUrl(e.currentTarget.value)}
            aria-invalid={fieldError('url') ? 'true' : undefined}
            aria-describedby={describedBy('endpoint-url', { description: true, error: fieldError('url') })}
          />
        </FormField>
        <NoticeKindsFieldset
          idPrefix="endpoint-nieuw"
          value={soorten()}
          onChange={setSoorten}
          error={fieldError('soorten')}
        />
        <button type="submit" class="utrecht-button utrecht-button--primary-action">
          Endpoint toevoegen
        </button>
      </form>
    </section>
  );
}
