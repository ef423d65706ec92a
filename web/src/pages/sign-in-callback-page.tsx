import { A, useNavigate } from '@solidjs/router';
import { createSignal, onMount, Show } from 'solid-js';
import { appConfig } from '../auth/app-config';
import { completeCognitoSignIn, SignInFailed } from '../auth/cognito-sign-in';
import { homeOf } from '../auth/home';
import { PageTitle } from '../components/page-title';
import { ProblemAlert } from '../components/problem-alert';

/**
 * `/inloggen/terug`, where Cognito's hosted pages send the browser with a code (or an error). The code is
 * redeemed once, and the address with code and state is replaced in the history, whatever the outcome.
 */
export function SignInCallbackPage() {
  const navigate = useNavigate();
  const [failure, setFailure] = createSignal<string>();

  onMount(() => {
    // Read once, at mount: the query is replaced below and must not be read again.
    void finish(window.location.href);
  });

  const finish = async (url: string) => {
    try {
      const config = await appConfig();
      if (config.auth.mode !== 'cognito')
        throw new SignInFailed('Inloggen met een organisatie-account is in deze omgeving niet ingesteld.');
      const principal = await completeCognitoSignIn(config.auth, url);
      navigate(homeOf(principal.role), { replace: true });
    } catch (error) {
      setFailure(error instanceof SignInFailed ? error.message : 'Landing is niet bereikbaar. Er is niets opgeslagen.');
      navigate('/inloggen/terug', { replace: true });
    }
  };

  return (
    <section class="landing-section">
      <PageTitle>Inloggen</PageTitle>
      <Show
        when={failure()}
        fallback={
          <p class="utrecht-paragraph" role="status">
            Je wordt aangemeld…
          </p>
        }
      >
        <ProblemAlert message={failure()} />
        <p class="utrecht-paragraph">
          <A class="utrecht-link utrecht-link--html-a" href="/inloggen">
            Opnieuw inloggen
          </A>
        </p>
      </Show>
    </section>
  );
}
