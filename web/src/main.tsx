import '@utrecht/design-tokens/dist/theme.css';
import '@utrecht/component-library-css/dist/index.css';
import './styles.css';
import { Navigate, Route, Router } from '@solidjs/router';
import { lazy } from 'solid-js';
import { render } from 'solid-js/web';
import { Shell } from './components/shell';
import { RequireSession } from './auth/require-session';
import { SignInPage } from './pages/sign-in-page';
import { TransitionListPage } from './pages/transition-list-page';

// The list is where everyone starts; the form and detail load when first opened.
const NewTransitionPage = lazy(() => import('./pages/new-transition-page'));
const TransitionDetailPage = lazy(() => import('./pages/transition-detail-page'));

render(
  () => (
    <Router root={Shell}>
      <Route path="/aanmelden" component={SignInPage} />
      <Route path="/" component={RequireSession}>
        <Route path="/" component={() => <Navigate href="/trajecten" />} />
        <Route path="/trajecten" component={TransitionListPage} />
        <Route path="/trajecten/nieuw" component={NewTransitionPage} />
        <Route path="/trajecten/:id" component={TransitionDetailPage} />
      </Route>
      <Route path="*" component={() => <Navigate href="/trajecten" />} />
    </Router>
  ),
  document.getElementById('app')!,
);
