import { A } from '@solidjs/router';
import { createSignal, For, onMount, Show } from 'solid-js';
import type { AuditEntry } from '../../../../shared/domain/audit/audit';
import { auditActionLabels } from '../../../../shared/domain/audit/audit';
import { roleLabels } from '../../../../shared/domain/common/vocabulary';
import { groundLabels } from '../../../../shared/policy/access-policy';
import { datumTijd } from '../../format';
import { ProblemAlert } from '../problem-alert';
import { groupLooks } from './group-looks';

type AuditPage = { items: AuditEntry[]; nextCursor?: string | undefined };

/**
 * A trail of audit entries, newest first, a page view's reads on one line, a page at a time ("Meer laden" follows the cursor): a person's
 * record for the team lead, or what one member of the team looked at.
 */
export function AuditTrail(props: {
  label: string;
  load: (cursor?: string) => Promise<AuditPage>;
  showRecord?: boolean;
}) {
  const [entries, setEntries] = createSignal<AuditEntry[]>([]);
  const [cursor, setCursor] = createSignal<string>();
  const [loading, setLoading] = createSignal(true);
  const [failed, setFailed] = createSignal(false);
  const more = async (from?: string) => {
    setLoading(true);
    setFailed(false);
    try {
      const page = await props.load(from);
      setEntries((shown) => [...shown, ...page.items]);
      setCursor(page.nextCursor);
    } catch {
      setFailed(true);
    } finally {
      setLoading(false);
    }
  };
  onMount(() => void more());
  return (
    <>
      <ProblemAlert message={failed() ? 'Het auditlog kon niet worden geladen.' : undefined} />
      <ul class="utrecht-unordered-list" aria-label={props.label} aria-busy={loading()}>
        <For
          each={groupLooks(entries())}
          fallback={
            <Show when={!loading() && !failed()}>
              <li class="utrecht-unordered-list__item">Nog niets vastgelegd.</li>
            </Show>
          }
        >
          {(line) => <AuditLine entry={line.entry} onderdelen={line.onderdelen} showRecord={props.showRecord} />}
        </For>
      </ul>
      <Show when={cursor()}>
        {(next) => (
          <p class="utrecht-paragraph">
            <button
              type="button"
              class="utrecht-button utrecht-button--subtle"
              disabled={loading()}
              onClick={() => void more(next())}
            >
              Meer laden
            </button>
          </p>
        )}
      </Show>
    </>
  );
}

/** One entry in words: when, what, by whom in which role, on what ground, emergency access, what changed. */
export function AuditLine(props: {
  entry: AuditEntry;
  /** For a page view: every part it read. */
  onderdelen?: readonly string[];
  showRecord?: boolean | undefined;
}) {
  const e = () => props.entry;
  return (
    <li
      class="utrecht-unordered-list__item"
      classList={{
        'landing-audit--nood': Boolean(e().noodtoegang),
        'landing-audit--geweigerd': e().actie === 'geweigerd',
      }}
    >
      {datumTijd(e().at)}: <strong>{auditActionLabels[e().actie]}</strong> (
      {(props.onderdelen ?? [e().onderdeel]).join(', ')}) door {e().gebruiker.naam},{' '}
      {roleLabels[e().gebruiker.rol].toLowerCase()}
      {e().grond ? ` — ${groundLabels[e().grond!].toLowerCase()}` : ''}
      {e().noodtoegang ? ` — noodtoegang: “${e().noodtoegang!.reden}”` : ''}
      {e().wijziging?.velden.length ? ` — gewijzigd: ${e().wijziging!.velden.join(', ')}` : ''}
      <Show when={props.showRecord && e().transitionId}>
        {(id) => (
          <>
            {' — '}
            <A class="utrecht-link" href={`/trajecten/${id()}`}>
              dossier
            </A>
          </>
        )}
      </Show>
    </li>
  );
}
