import '@utrecht/design-tokens/dist/theme.css';
import '@utrecht/component-library-css/dist/index.css';
import './styles.css';
import { Navigate, Route, Router } from '@solidjs/router';
import { lazy, type Component } from 'solid-js';
import type { Role } from '../../shared/domain/common/vocabulary';
import { render } from 'solid-js/web';
import { Shell } from './components/shell';
import { RequireSession } from './auth/require-session';
import { RequireRole } from './auth/require-role';
import { homeOf } from './auth/home';
import { session } from './auth/session';
import { appConfig } from './auth/app-config';
import { resumeCognitoSession } from './auth/cognito-sign-in';
import { SignInCallbackPage } from './pages/sign-in-callback-page';
import { SignInPage } from './pages/sign-in-page';
import { TransitionListPage } from './pages/transition-list-page';

// The list is where everyone starts; the form and detail load when first opened.
const NewTransitionPage = lazy(() => import('./pages/new-transition-page'));
const TransitionDetailPage = lazy(() => import('./pages/transition-detail-page'));
const TransitionPrintPage = lazy(() => import('./pages/transition-print-page'));
const BudgetInboxPage = lazy(() => import('./pages/budget-inbox-page'));
const OutcomesPage = lazy(() => import('./pages/outcomes-page'));
const BudgetPage = lazy(() => import('./pages/budget-page'));
const TodayPage = lazy(() => import('./pages/today-page'));
const TeamPage = lazy(() => import('./pages/team-page'));
const CorporationsPage = lazy(() => import('./pages/corporations-page'));
const SocialeKaartPage = lazy(() => import('./pages/sociale-kaart-page'));

/** Who may open which page: the same roles as the access policy's for the reads the page makes. */
const caseworkers = ['begeleider', 'teamleider'] as const;
const only = (roles: readonly Role[], Page: Component) => () => (
  <RequireRole roles={roles}>
    <Page />
  </RequireRole>
);

// A reloaded tab signed in on AWS keeps renewing its tokens.
if (session())
  void appConfig().then(
    (config) => config.auth.mode === 'cognito' && resumeCognitoSession(config.auth),
    () => undefined,
  );

render(
  () => (
    <Router root={Shell}>
      <Route path="/inloggen" component={SignInPage} />
      <Route path="/inloggen/terug" component={SignInCallbackPage} />
      {/* The old address of the sign-in page, kept for bookmarks. */}
      <Route path="/aanmelden" component={() => <Navigate href="/inloggen" />} />
      <Route path="/" component={RequireSession}>
        <Route path="/" component={() => <Navigate href={homeOf(session()?.principal.role)} />} />
        <Route path="/vandaag" component={TodayPage} />
        <Route path="/team" component={only(['teamleider'], TeamPage)} />
        <Route path="/corporaties" component={only(['beheerder'], CorporationsPage)} />
        <Route path="/sociale-kaart" component={only(caseworkers, SocialeKaartPage)} />
        <Route path="/trajecten" component={only(caseworkers, TransitionListPage)} />
        <Route path="/trajecten/nieuw" component={only(caseworkers, NewTransitionPage)} />
        <Route path="/trajecten/:id/afdrukken" component={only(caseworkers, TransitionPrintPage)} />
        <Route path="/trajecten/:id/:sectie?" component={only(caseworkers, TransitionDetailPage)} />
        <Route path="/regelbudget" component={only(['budgethouder'], BudgetInboxPage)} />
        <Route path="/uitkomsten" component={only(['beleid'], OutcomesPage)} />
        <Route path="/regelbudget/:transitionId" component={only([...caseworkers, 'budgethouder'], BudgetPage)} />
      </Route>
      <Route path="*" component={() => <Navigate href="/" />} />
    </Router>
  ),
  document.getElementById('app')!,
);
