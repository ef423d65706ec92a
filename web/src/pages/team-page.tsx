import { createAsync } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { api } from '../api/client';
import { getEmergencyAccess, getTeam } from '../api/queries';
import { CaseloadMeter } from '../components/caseload/caseload-meter';
import { AuditLine, AuditTrail } from '../components/audit/audit-trail';
import { PageTitle } from '../components/page-title';
import { ProblemAlert } from '../components/problem-alert';

/**
 * The team lead's view: the team's caseload against its room (ten clients per two begeleiders, Housing First),
 * with how that is counted, then each begeleider's, fullest first, before assigning a new transition.
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
            <h2 class="utrecht-heading-2">Caseload van het team</h2>
            <p class="utrecht-paragraph">
              <strong>
                {t().team.deelnemers} van {t().team.capaciteit} deelnemers
              </strong>{' '}
              ({t().team.bezetting}%){t().team.deelnemers > t().team.capaciteit ? ' — boven de capaciteit' : ''}.
            </p>
            <details class="landing-details" open>
              <summary>Hoe de capaciteit is berekend</summary>
              <p class="utrecht-paragraph">
                Housing First: “voor 2 begeleiders 10 cliënten” is een passende caseload. Dit team heeft{' '}
                {t().team.begeleiders} {t().team.begeleiders === 1 ? 'begeleider' : 'begeleiders'}: ruimte voor{' '}
                {t().team.begeleiders} ÷ 2 × {t().team.deelnemersPerDuo} = {t().team.capaciteit} deelnemers.
              </p>
              <p class="utrecht-paragraph">
                Elke deelnemer telt één keer mee, ook op intensief: die tien zijn al deelnemers met intensieve
                ondersteuning. Een begeleider zit in het duo van elk van zijn of haar deelnemers, en draagt er dus
                ongeveer {t().team.deelnemersPerDuo}.
              </p>
            </details>
            <h2 class="utrecht-heading-2">Caseload per begeleider</h2>
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
          load={(cursor, filter) => api.audit.ofUser(props.userId, cursor, filter)}
          showRecord
        />
      </Show>
    </details>
  );
}
