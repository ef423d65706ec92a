import { A, useSearchParams } from '@solidjs/router';
import { createEffect, createSignal, For, on, Show } from 'solid-js';
import type { AuditEntry } from '../../../../shared/domain/audit/audit';
import { auditActionLabels, auditActions } from '../../../../shared/domain/audit/audit';
import { ApiError, type AuditFilterParams } from '../../api/client';
import { roleLabels } from '../../../../shared/domain/common/vocabulary';
import { groundLabels } from '../../../../shared/policy/access-policy';
import { datumInVeld, datumTijd, leesDatum } from '../../format';
import { ProblemAlert } from '../problem-alert';
import { groupLooks } from './group-looks';

type AuditPage = { items: AuditEntry[]; nextCursor?: string | undefined };

/** The filter's place in the page's URL query (next to the page's own). */
const param = { gebruiker: 'auditWie', actie: 'auditActie', van: 'auditVan', tot: 'auditTot' } as const;
const text = (value: string | string[] | undefined) => (typeof value === 'string' ? value : '');

/**
 * A trail of audit entries, newest first, a page view's reads on one line, a page at a time ("Meer laden" follows
 * the cursor): a person's record for the team lead, or what one member of the team looked at. It can be filtered
 * by who (when `users` are given), what and a period; the filter is kept in the URL query.
 */
export function AuditTrail(props: {
  label: string;
  load: (cursor: string | undefined, filter: AuditFilterParams) => Promise<AuditPage>;
  showRecord?: boolean;
  users?: readonly { id: string; naam: string }[];
}) {
  const [params, setParams] = useSearchParams();
  const filter = (): AuditFilterParams => {
    const actie = text(params[param.actie]);
    return Object.fromEntries(
      [
        ['gebruiker', props.users ? text(params[param.gebruiker]) : ''],
        ['actie', (auditActions as readonly string[]).includes(actie) ? actie : ''],
        ['van', leesDatum(text(params[param.van])) ?? ''],
        ['tot', leesDatum(text(params[param.tot])) ?? ''],
      ].filter(([, v]) => v),
    );
  };
  const filtered = () => Object.keys(filter()).length > 0;
  const [entries, setEntries] = createSignal<AuditEntry[]>([]);
  const [cursor, setCursor] = createSignal<string>();
  const [loading, setLoading] = createSignal(true);
  const [failed, setFailed] = createSignal<string>();
  const [formError, setFormError] = createSignal<string>();
  let loads = 0;
  const more = async (from?: string) => {
    const load = ++loads;
    setLoading(true);
    setFailed();
    try {
      const page = await props.load(from, filter());
      if (load !== loads) return;
      setEntries((shown) => [...(from ? shown : []), ...page.items]);
      setCursor(page.nextCursor);
    } catch (e) {
      if (load === loads) setFailed(e instanceof ApiError ? e.message : 'Het auditlog kon niet worden geladen.');
    } finally {
      if (load === loads) setLoading(false);
    }
  };
  // A new filter (from the form, a shared link or the back button) loads the trail anew.
  createEffect(
    on(
      () => JSON.stringify(filter()),
      () => void more(),
    ),
  );

  const apply = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    const [van, tot] = [value('van'), value('tot')];
    const [vanDag, totDag] = [leesDatum(van), leesDatum(tot)];
    if ((van && !vanDag) || (tot && !totDag)) {
      setFormError('Vul de datums in als dag-maand-jaar, bijvoorbeeld 3-4-2026.');
      return;
    }
    if (vanDag && totDag && vanDag > totDag) {
      setFormError('De periode begint na het einde: kies een begindatum vóór de einddatum.');
      return;
    }
    setFormError();
    setParams({
      [param.gebruiker]: value('gebruiker') || undefined,
      [param.actie]: value('actie') || undefined,
      [param.van]: vanDag,
      [param.tot]: totDag,
    });
  };
  const clear = () => {
    setFormError();
    setParams({
      [param.gebruiker]: undefined,
      [param.actie]: undefined,
      [param.van]: undefined,
      [param.tot]: undefined,
    });
  };
  const id = (name: string) => `${props.label.replace(/\W+/g, '-').toLowerCase()}-${name}`;

  return (
    <>
      <form
        class="landing-filters"
        aria-label={`${props.label} filteren`}
        onSubmit={(e) => {
          e.preventDefault();
          apply(e.currentTarget);
        }}
      >
        <Show when={props.users}>
          {(users) => (
            <div class="utrecht-form-field">
              <label class="utrecht-form-label" for={id('wie')}>
                Wie
              </label>
              <select id={id('wie')} name="gebruiker" class="utrecht-select utrecht-select--html-select">
                <option value="">Iedereen</option>
                <For each={users()}>
                  {(u) => (
                    <option value={u.id} selected={u.id === filter().gebruiker}>
                      {u.naam}
                    </option>
                  )}
                </For>
              </select>
            </div>
          )}
        </Show>
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for={id('actie')}>
            Wat
          </label>
          <select id={id('actie')} name="actie" class="utrecht-select utrecht-select--html-select">
            <option value="">Alles</option>
            <For each={auditActions}>
              {(a) => (
                <option value={a} selected={a === filter().actie}>
                  {auditActionLabels[a]}
                </option>
              )}
            </For>
          </select>
        </div>
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for={id('van')}>
            Van (dd-mm-jjjj)
          </label>
          <input
            id={id('van')}
            name="van"
            class="utrecht-textbox utrecht-textbox--html-input"
            inputmode="numeric"
            autocomplete="off"
            value={filter().van ? datumInVeld(filter().van!) : ''}
          />
        </div>
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for={id('tot')}>
            Tot en met (dd-mm-jjjj)
          </label>
          <input
            id={id('tot')}
            name="tot"
            class="utrecht-textbox utrecht-textbox--html-input"
            inputmode="numeric"
            autocomplete="off"
            value={filter().tot ? datumInVeld(filter().tot!) : ''}
          />
        </div>
        <div class="landing-filters__submit">
          <button type="submit" class="utrecht-button utrecht-button--secondary-action">
            Filteren
          </button>{' '}
          <Show when={filtered()}>
            <button type="button" class="utrecht-button utrecht-button--subtle" onClick={clear}>
              Filter wissen
            </button>
          </Show>
        </div>
      </form>
      <ProblemAlert message={formError() ?? failed()} />
      <ul class="utrecht-unordered-list" aria-label={props.label} aria-busy={loading()}>
        <For
          each={groupLooks(entries())}
          fallback={
            <Show when={!loading() && !failed()}>
              <li class="utrecht-unordered-list__item">
                {filtered() ? 'Niets gevonden met dit filter.' : 'Nog niets vastgelegd.'}
              </li>
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
