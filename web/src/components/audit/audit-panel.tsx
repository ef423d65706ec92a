import { createAsync } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { getStaff } from '../../api/queries';
import { api, ApiError } from '../../api/client';
import { session } from '../../auth/session';
import { saveFile } from '../../download';
import { ProblemAlert } from '../problem-alert';
import { AuditTrail } from './audit-trail';

/**
 * Who looked at or changed this person's record (NEN 7513), and the person's access report to hand over when
 * they ask (AVG, right of access): both hold the same trail, so both are for the person's own team lead.
 */
export function AuditPanel(props: { transitionId: string }) {
  const isLead = () => session()?.principal.role === 'teamleider';
  const staff = createAsync(async () => (isLead() ? getStaff() : undefined));
  const [error, setError] = createSignal<string>();
  const download = async () => {
    setError();
    try {
      saveFile(await api.audit.accessReport(props.transitionId), 'inzageverslag.csv');
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Het inzageverslag kon niet worden gemaakt.');
    }
  };
  return (
    <Show when={isLead()}>
      <section class="landing-panel" aria-labelledby="audit-title">
        <h2 id="audit-title" class="utrecht-heading-2">
          Inzage en wijzigingen
        </h2>
        <ProblemAlert message={error()} />
        <AuditTrail
          label="Auditlog van dit dossier"
          load={(cursor, filter) => api.audit.ofPerson(props.transitionId, cursor, filter)}
          users={(staff()?.value?.items ?? []).map((s) => ({ id: s.id, naam: s.naam }))}
        />
        <p class="utrecht-paragraph">
          <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={() => void download()}>
            Inzageverslag voor de persoon downloaden (CSV)
          </button>
        </p>
      </section>
    </Show>
  );
}
