import { useNavigate } from '@solidjs/router';
import { createResource, createSignal, For, Match, Switch } from 'solid-js';
import { roleLabels } from '../../../shared/domain/vocabulary';
import { api, ApiError } from '../api/client';
import { homeOf } from '../auth/home';
import { signIn } from '../auth/session';
import { PageTitle } from '../components/page-title';
import { ProblemAlert } from '../components/problem-alert';

/** Local mode: choose one of the seeded users. On AWS, sign-in goes through Cognito (step 6). */
export function SignInPage() {
  const navigate = useNavigate();
  const [config] = createResource(api.config);
  const [users] = createResource(
    () => config()?.auth.mode === 'local',
    () => api.local.users(),
  );
  const [error, setError] = createSignal<string>();

  const choose = async (userId: string) => {
    try {
      const next = await api.local.signIn(userId);
      signIn(next);
      navigate(homeOf(next.principal.role));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Aanmelden lukte niet.');
    }
  };

  return (
    <section class="landing-section">
      <PageTitle>Aanmelden</PageTitle>
      <ProblemAlert message={error() ?? (config.error || users.error ? 'Landing is niet bereikbaar.' : undefined)} />
      <Switch>
        <Match when={config()?.auth.mode === 'local'}>
          <p class="utrecht-paragraph">
            Dit is de lokale versie met demogegevens. Kies een demo-gebruiker om als die persoon te werken.
          </p>
          <ul class="landing-user-list" aria-label="Demo-gebruikers">
            <For each={users()?.items}>
              {(user) => (
                <li>
                  <button type="button" class="utrecht-button utrecht-button--secondary-action landing-user-choice" onClick={() => void choose(user.id)}>
                    <strong>{user.naam}</strong>
                    <span>
                      {roleLabels[user.role]}, {user.organisationNaam}
                    </span>
                  </button>
                </li>
              )}
            </For>
          </ul>
        </Match>
        <Match when={config()?.auth.mode === 'cognito'}>
          <p class="utrecht-paragraph">Aanmelden via de organisatie-inlog is nog niet beschikbaar in deze versie.</p>
        </Match>
      </Switch>
    </section>
  );
}
