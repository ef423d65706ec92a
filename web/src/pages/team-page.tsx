import { A, createAsync } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { api } from '../api/client';
import { getEmergencyAccess, getTeam } from '../api/queries';
import { CaseloadMeter } from '../components/caseload/caseload-meter';
import { AuditLine, AuditTrail } from '../components/audit/audit-trail';
import { PageTitle } from '../components/page-title';
import { ProblemAlert } from '../components/problem-alert';
import { naam } from '../format';

/**
 * The team lead's view: each begeleider's caseload weighted by intensity against their capacity, heaviest
 * first, before assigning a new transition; and who has been on intensief too long (afschalen is a plan too).
 */
export default function TeamPage() {
  const team = createAsync(() => getTeam());
  const emergency = createAsync(() => getEmergencyAccess());
  return (
    <section class="landing-section">
      <PageTitle>Team</PageTitle>
      <ProblemAlert message={team()?.error ? 'Het team kon niet worden geladen.' : undefined} />
      <Show when={team()?.value}>
        {(t) => (
          <>
            <h2 class="utrecht-heading-2">Caseload per begeleider</h2>
            <p class="utrecht-paragraph landing-muted">
              Gewogen naar intensiteit: intensief telt dubbel, waakvlam een kwart. Capaciteit: ongeveer tien cliënten
              per begeleider (Housing First: tien per duo).
            </p>
            <ul class="landing-offers" aria-label="Caseload per begeleider">
              <For each={t().caseload}>
                {(entry) => (
                  <li class="landing-offer">
                    <strong>{entry.begeleider.naam}</strong>
                    <CaseloadMeter entry={entry} />
                    <MemberTrail userId={entry.begeleider.id} naam={entry.begeleider.naam} />
                  </li>
                )}
              </For>
            </ul>
            <h2 class="utrecht-heading-2">Lang op intensief</h2>
            <Show
              when={t().langIntensief.length > 0}
              fallback={
                <p class="utrecht-paragraph">Niemand staat langer dan {t().maxDagenIntensief} dagen op intensief.</p>
              }
            >
              <ul class="utrecht-unordered-list" aria-label="Lang op intensief">
                <For each={t().langIntensief}>
                  {(l) => (
                    <li class="utrecht-unordered-list__item">
                      <A class="utrecht-link" href={`/trajecten/${l.transitionId}`}>
                        {naam(l.persoon)}
                      </A>
                      : {l.dagen} dagen intensief ({l.begeleiders.map((b) => b.naam).join(' en ')}); plan het afschalen.
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </>
        )}
      </Show>
      <h2 class="utrecht-heading-2">Noodtoegang tot dossiers van je team</h2>
      <Show when={emergency()?.value}>
        {(page) => (
          <Show
            when={page().items.length > 0}
            fallback={
              <p class="utrecht-paragraph">Niemand buiten je team heeft met noodtoegang een dossier ingezien.</p>
            }
          >
            <ul class="utrecht-unordered-list" aria-label="Noodtoegang">
              <For each={page().items}>{(entry) => <AuditLine entry={entry} showRecord />}</For>
            </ul>
          </Show>
        )}
      </Show>
    </section>
  );
}

/** What one member of the team looked at and changed, loaded only when the team lead opens it. */
function MemberTrail(props: { userId: string; naam: string }) {
  const [open, setOpen] = createSignal(false);
  return (
    <details class="landing-details" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Wat {props.naam} inzag en wijzigde</summary>
      <Show when={open()}>
        <AuditTrail
          label={`Auditlog van ${props.naam}`}
          load={(cursor) => api.audit.ofUser(props.userId, cursor)}
          showRecord
        />
      </Show>
    </details>
  );
}
