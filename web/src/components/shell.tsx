import { A, useLocation, useNavigate } from '@solidjs/router';
import { Show, type ParentProps } from 'solid-js';
import { roleLabels, type Role } from '../../../shared/domain/common/vocabulary';
import { appConfig } from '../auth/app-config';
import { signOutOfCognito } from '../auth/cognito-sign-in';
import { session, signOut } from '../auth/session';
import { DemoClock } from '../clock/demo-clock';

function NavItem(props: ParentProps<{ href: string; current: boolean }>) {
  return (
    <li class="utrecht-nav-list__item">
      <A
        class="utrecht-nav-list__link"
        classList={{ 'landing-nav--current': props.current }}
        href={props.href}
        aria-current={props.current ? 'page' : undefined}
        activeClass=""
        inactiveClass=""
      >
        {props.children}
      </A>
    </li>
  );
}

export function Shell(props: ParentProps) {
  const navigate = useNavigate();
  const location = useLocation();
  // The query string tells the two lists apart, which path matching alone cannot.
  const current = () => {
    if (location.pathname === '/trajecten') return location.search.includes('scope=team') ? 'team' : 'mine';
    if (location.pathname === '/trajecten/nieuw') return 'new';
    if (location.pathname === '/regelbudget') return 'budget';
    if (location.pathname === '/vandaag') return 'today';
    if (location.pathname === '/team') return 'team';
    if (location.pathname === '/corporaties') return 'corporations';
    if (location.pathname === '/sociale-kaart') return 'kaart';
    if (location.pathname === '/uitkomsten') return 'outcomes';
    return undefined;
  };
  const is = (...roles: Role[]) => roles.includes(session()?.principal.role as Role);
  const leave = async () => {
    const config = await appConfig().catch(() => undefined);
    // On AWS the hosted pages keep their own session: end it too, or the next sign-in would skip the password.
    if (config?.auth.mode === 'cognito') return signOutOfCognito(config.auth);
    signOut();
    navigate('/inloggen');
  };
  return (
    <div class="utrecht-page landing-page">
      <a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud">
        Naar de inhoud
      </a>
      <header class="utrecht-page-header landing-header">
        <div class="landing-header__content">
          <A href="/" class="landing-logo">
            Landing
          </A>
          <Show when={session()}>
            {(active) => (
              <div class="landing-user">
                <span>
                  <strong>{active().principal.naam}</strong>, {roleLabels[active().principal.role]}
                </span>
                <button
                  type="button"
                  class="utrecht-button utrecht-button--secondary-action"
                  onClick={() => void leave()}
                >
                  Uitloggen
                </button>
              </div>
            )}
          </Show>
        </div>
        <Show when={session()}>
          <nav aria-label="Hoofdmenu" class="landing-nav">
            <ul class="utrecht-nav-list">
              {/* Only what works for the role: each page asks the API for what the policy gives that role. */}
              <Show when={!is('beleid')}>
                <NavItem href="/vandaag" current={current() === 'today'}>
                  Vandaag
                </NavItem>
              </Show>
              <Show when={is('beleid')}>
                <NavItem href="/uitkomsten" current={current() === 'outcomes'}>
                  Uitkomsten
                </NavItem>
              </Show>
              <Show when={is('budgethouder')}>
                <NavItem href="/regelbudget" current={current() === 'budget'}>
                  Regelbudget: te beoordelen
                </NavItem>
              </Show>
              <Show when={is('begeleider', 'teamleider')}>
                <NavItem href="/trajecten" current={current() === 'mine'}>
                  Mijn trajecten
                </NavItem>
                <NavItem href="/trajecten?scope=team" current={current() === 'team'}>
                  Trajecten van het team
                </NavItem>
                <NavItem href="/trajecten/nieuw" current={current() === 'new'}>
                  Nieuwe aanmelding
                </NavItem>
                <NavItem href="/sociale-kaart" current={current() === 'kaart'}>
                  Sociale kaart
                </NavItem>
              </Show>
              <Show when={is('teamleider')}>
                <NavItem href="/team" current={current() === 'team'}>
                  Team
                </NavItem>
              </Show>
              <Show when={is('beheerder')}>
                <NavItem href="/corporaties" current={current() === 'corporations'}>
                  Corporaties
                </NavItem>
              </Show>
            </ul>
          </nav>
        </Show>
      </header>
      <main id="inhoud" class="utrecht-page-body landing-main" tabindex="-1">
        {props.children}
      </main>
      <Show when={session()}>
        <DemoClock />
      </Show>
      <footer class="utrecht-page-footer landing-footer">
        <p class="utrecht-paragraph utrecht-paragraph--small">
          Landing: van Beschermd Wonen of Maatschappelijke Opvang naar een eigen thuis in de wijk.
        </p>
      </footer>
    </div>
  );
}
