import { createResource, createSignal, For, Show } from 'solid-js';
import type { AuditEntry } from '../../../../shared/domain/audit';
import { auditActionLabels } from '../../../../shared/domain/audit';
import { roleLabels } from '../../../../shared/domain/vocabulary';
import { groundLabels } from '../../../../shared/policy/access-policy';
import { api, ApiError } from '../../api/client';
import { session } from '../../auth/session';
import { saveFile } from '../../download';
import { datumTijd } from '../../format';
import { ProblemAlert } from '../problem-alert';

/**
 * Who looked at or changed this person's record (NEN 7513), for the team lead; and, for the team, the
 * person's access report to hand over when they ask (AVG, right of access).
 */
export function AuditPanel(props: { transitionId: string }) {
  const isLead = () => session()?.principal.role === 'teamleider';
  const [trail] = createResource(
    () => (isLead() ? props.transitionId : undefined),
    (id) => api.audit.ofPerson(id),
  );
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
    <section class="landing-panel" aria-labelledby="audit-title">
      <h2 id="audit-title" class="utrecht-heading-2">
        Inzage en wijzigingen
      </h2>
      <ProblemAlert message={error() ?? (trail.error ? 'Het auditlog kon niet worden geladen.' : undefined)} />
      <Show when={isLead()}>
        <Show when={trail()}>
          {(page) => (
            <ul class="utrecht-unordered-list" aria-label="Auditlog van dit dossier">
              <For each={page().items} fallback={<li class="utrecht-unordered-list__item">Nog niets vastgelegd.</li>}>
                {(entry) => <AuditLine entry={entry} />}
              </For>
            </ul>
          )}
        </Show>
      </Show>
      <p class="utrecht-paragraph">
        <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={() => void download()}>
          Inzageverslag voor de persoon downloaden (CSV)
        </button>
      </p>
    </section>
  );
}

export function AuditLine(props: { entry: AuditEntry }) {
  const e = () => props.entry;
  return (
    <li class="utrecht-unordered-list__item" classList={{ 'landing-audit--nood': Boolean(e().noodtoegang), 'landing-audit--geweigerd': e().actie === 'geweigerd' }}>
      {datumTijd(e().at)}: <strong>{auditActionLabels[e().actie]}</strong> ({e().onderdeel}) door {e().gebruiker.naam}, {roleLabels[e().gebruiker.rol].toLowerCase()}
      {e().grond ? ` — ${groundLabels[e().grond!].toLowerCase()}` : ''}
      {e().noodtoegang ? ` — noodtoegang: “${e().noodtoegang!.reden}”` : ''}
      {e().wijziging?.velden.length ? ` — gewijzigd: ${e().wijziging!.velden.join(', ')}` : ''}
    </li>
  );
}
