import { createAsync, useNavigate } from '@solidjs/router';
import { createSignal, For, Match, Show, Switch } from 'solid-js';
import { roleLabels } from '../../../shared/domain/common/vocabulary';
import { api, ApiError, type CognitoAuthConfig } from '../api/client';
import { getAppConfig, getLocalUsers } from '../api/queries';
import { startCognitoSignIn } from '../auth/cognito-sign-in';
import { homeOf } from '../auth/home';
import { sessionEnded, signIn } from '../auth/session';
import { PageTitle } from '../components/page-title';
import { ProblemAlert } from '../components/problem-alert';

/** Local mode: choose one of the seeded users. On AWS: Cognito's hosted pages (code flow with PKCE). */
export function SignInPage() {
  const navigate = useNavigate();
  const loadedConfig = createAsync(() => getAppConfig());
  const config = () => loadedConfig()?.value;
  const cognito = () => {
    const auth = config()?.auth;
    return auth?.mode === 'cognito' ? auth : undefined;
  };
  const [leaving, setLeaving] = createSignal(false);
  const users = createAsync(async () => (config()?.auth.mode === 'local' ? getLocalUsers() : undefined));
  const [error, setError] = createSignal<string>();

  const choose = async (userId: string) => {
    try {
      const next = await api.local.signIn(userId);
      signIn(next);
      navigate(homeOf(next.principal.role));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Inloggen is niet gelukt.');
    }
  };

  const toCognito = async (auth: CognitoAuthConfig) => {
    setLeaving(true);
    try {
      await startCognitoSignIn(auth);
    } catch {
      // Without WebCrypto (an old browser, or a page not served over https) there is no safe sign-in.
      setLeaving(false);
      setError('Inloggen kan in deze browser niet worden gestart. Gebruik een recente browser.');
    }
  };

  return (
    <section class="landing-section">
      <PageTitle>Inloggen</PageTitle>
      <Show when={sessionEnded()}>
        <div class="utrecht-alert utrecht-alert--info" role="status">
          <div class="utrecht-alert__content">
            <p class="utrecht-alert__message utrecht-paragraph">{sessionEnded()}</p>
          </div>
        </div>
      </Show>
      <ProblemAlert
        message={error() ?? (loadedConfig()?.error || users()?.error ? 'Landing is niet bereikbaar.' : undefined)}
      />
      <Switch>
        <Match when={config()?.auth.mode === 'local'}>
          <p class="utrecht-paragraph">
            Dit is de lokale versie met demogegevens. Kies een demo-gebruiker om als die persoon te werken.
          </p>
          <ul class="landing-user-list" aria-label="Demo-gebruikers">
            <For each={users()?.value?.items}>
              {(user) => (
                <li>
                  <button
                    type="button"
                    class="utrecht-button utrecht-button--secondary-action landing-user-choice"
                    onClick={() => void choose(user.id)}
                  >
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
        <Match when={cognito()}>
          {(auth) => (
            <>
              <p class="utrecht-paragraph">
                Log in met het account dat je van je organisatie hebt gekregen. Je gaat daarvoor naar de inlogpagina,
                bevestigt met je authenticator-app en komt daarna vanzelf terug in Landing.
              </p>
              <button
                type="button"
                class="utrecht-button utrecht-button--primary-action"
                disabled={leaving()}
                onClick={() => void toCognito(auth())}
              >
                Inloggen met je organisatie-account
              </button>
            </>
          )}
        </Match>
      </Switch>
    </section>
  );
}
