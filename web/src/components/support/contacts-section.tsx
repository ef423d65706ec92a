import { createAsync, revalidate } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { modaliteitLabels, modaliteiten, type Modaliteit } from '../../../../shared/domain/support/support';
import { api, retryKey } from '../../api/client';
import { getContacts, overviewsChanged } from '../../api/queries';
import { datumTijd } from '../../format';
import { createActionRunner } from '../action-runner';
import { ProblemAlert } from '../problem-alert';
import { TextInput } from '../transition/text-input';

/** Contactmomenten: the last ones, whether contact is over time for the level, and a quick way to record one. */
export function ContactsSection(props: { transitionId: string }) {
  const loaded = createAsync(() => getContacts(props.transitionId));
  const contacts = () => loaded()?.value;
  // A contact changes this list and what "Vandaag" and the lists say about contact over time.
  const { act, error, fieldErrors, done } = createActionRunner(() =>
    Promise.all([revalidate(getContacts.keyFor(props.transitionId)), overviewsChanged()]),
  );
  const [form, setForm] = createStore({ modaliteit: 'thuis' as Modaliteit, notitie: '' });
  const keyed = retryKey();
  const record = (event: SubmitEvent) => {
    event.preventDefault();
    const body = { modaliteit: form.modaliteit, ...(form.notitie ? { notitie: form.notitie } : {}) };
    void act(
      () => keyed((key) => api.contacts.record(props.transitionId, body, key)),
      'Het contact is vastgelegd.',
    ).then((ok) => ok && setForm('notitie', ''));
  };
  return (
    <>
      <h3 class="utrecht-heading-3">Contactmomenten</h3>
      <ProblemAlert
        message={error() ?? (loaded()?.error ? 'De contactmomenten konden niet worden geladen.' : undefined)}
      />
      <Show when={done()}>
        <p class="utrecht-paragraph" role="status">
          {done()}
        </p>
      </Show>
      <Show when={contacts()?.achterstandDagen}>
        {(days) => (
          <div class="utrecht-alert utrecht-alert--warning" role="status">
            <p class="utrecht-paragraph">
              Te lang geen contact: {days()} dagen langer dan dit niveau vraagt (contact binnen{' '}
              {contacts()?.toegestaneDagen} dagen).
            </p>
          </div>
        )}
      </Show>
      <ul class="utrecht-unordered-list" aria-label="Recente contactmomenten">
        <For
          each={(contacts()?.items ?? []).slice(0, 5)}
          fallback={<li class="utrecht-unordered-list__item">Nog geen contactmomenten vastgelegd.</li>}
        >
          {(c) => (
            <li class="utrecht-unordered-list__item">
              {datumTijd(c.op)}, {modaliteitLabels[c.modaliteit].toLowerCase()}, {c.wie.naam}
              {c.notitie ? `: ${c.notitie}` : ''}
            </li>
          )}
        </For>
      </ul>
      {/* Folded until used: the list above is what most visits read. */}
      <details class="landing-details">
        <summary>Contactmoment vastleggen</summary>
        <form class="utrecht-form landing-filters" onSubmit={record}>
          <div class="utrecht-form-field">
            <label class="utrecht-form-label" for="contact-modaliteit">
              Hoe
            </label>
            <select
              id="contact-modaliteit"
              class="utrecht-select utrecht-select--html-select"
              value={form.modaliteit}
              onChange={(e) => setForm('modaliteit', e.currentTarget.value as Modaliteit)}
            >
              <For each={modaliteiten}>{(m) => <option value={m}>{modaliteitLabels[m]}</option>}</For>
            </select>
          </div>
          <TextInput
            id="contact-notitie"
            label="Korte notitie (optioneel)"
            value={form.notitie}
            onInput={(v) => setForm('notitie', v)}
            enterkeyhint="send"
            autocomplete="off"
            error={fieldErrors().notitie}
          />
          <button type="submit" class="utrecht-button utrecht-button--secondary-action">
            Contact vastleggen
          </button>
        </form>
      </details>
    </>
  );
}
