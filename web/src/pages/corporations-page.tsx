import { createAsync, useSearchParams } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { getCorporations } from '../api/queries';
import { PageTitle } from '../components/page-title';
import { ProblemAlert } from '../components/problem-alert';
import { CorporationAdmin } from '../components/webhooks/corporation-admin';

/**
 * The provider's administrator (beheerder): per housing corporation, the webhook endpoints notices go to
 * (health, secrets, delivery log, replays, test notices) and the corporation's API keys. The chosen
 * corporation is in the address, so a reload or a shared link opens it again.
 */
export default function CorporationsPage() {
  const [search, setSearch] = useSearchParams<{ corporatie?: string }>();
  const corporations = createAsync(() => getCorporations());
  const chosen = () => corporations()?.value?.items.find((c) => c.id === search.corporatie);

  return (
    <section class="landing-section">
      <PageTitle>Corporaties</PageTitle>
      <p class="utrecht-paragraph">
        Kies een woningcorporatie om te beheren waar haar meldingen naartoe gaan (webhooks) en met welke API-sleutels
        zij signalen meldt.
      </p>
      <ProblemAlert message={corporations()?.error ? 'De corporaties konden niet worden geladen.' : undefined} />
      <div class="utrecht-form-field utrecht-form-field--distanced">
        <div class="utrecht-form-field__label">
          <label class="utrecht-form-label" for="corporatie-keuze">
            Corporatie
          </label>
        </div>
        <div class="utrecht-form-field__input">
          <select
            id="corporatie-keuze"
            class="utrecht-select utrecht-select--html-select"
            value={search.corporatie ?? ''}
            onChange={(e) => setSearch({ corporatie: e.currentTarget.value || undefined })}
          >
            <option value="">Kies een corporatie</option>
            <For each={corporations()?.value?.items ?? []}>
              {(c) => (
                <option value={c.id} selected={c.id === search.corporatie}>
                  {c.naam}
                </option>
              )}
            </For>
          </select>
        </div>
      </div>
      <Show when={chosen()} keyed>
        {(corporation) => <CorporationAdmin corporation={corporation} />}
      </Show>
    </section>
  );
}
