import { A } from '@solidjs/router';
import { Show, type ParentProps } from 'solid-js';
import { roleLabels, type Role } from '../../../shared/domain/common/vocabulary';
import { PageTitle } from '../components/page-title';
import { homeOf } from './home';
import { session } from './session';

const inWords = (roles: readonly Role[]) => {
  const names = roles.map((r) => `${roleLabels[r].toLowerCase()}s`);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} en ${names.at(-1)}` : (names[0] ?? '');
};

/**
 * A page only some roles can use: anyone else reads why they cannot (and who can) instead of an empty page or
 * the API's refusal. The API decides access all the same; this only spares the user a page that cannot work.
 */
export function RequireRole(props: ParentProps<{ roles: readonly Role[] }>) {
  const role = () => session()?.principal.role;
  return (
    <Show when={role() && props.roles.includes(role()!)} fallback={<NoAccess roles={props.roles} />}>
      {props.children}
    </Show>
  );
}

function NoAccess(props: { roles: readonly Role[] }) {
  const role = () => session()?.principal.role;
  return (
    <section class="landing-section">
      <PageTitle>Geen toegang</PageTitle>
      <p class="utrecht-paragraph">
        Deze pagina is voor {inWords(props.roles)}. Als {roleLabels[role() ?? 'begeleider'].toLowerCase()} kun je hem
        niet gebruiken.
      </p>
      <p class="utrecht-paragraph">
        <A class="utrecht-link" href={homeOf(role())}>
          Naar je startpagina
        </A>
      </p>
    </section>
  );
}
