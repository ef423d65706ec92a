import { createAsync, useNavigate } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { u16Municipalities } from '../../../shared/domain/organisation/municipalities';
import { herkomstLabels, herkomsten, type Herkomst } from '../../../shared/domain/common/vocabulary';
import type { AanmeldingInput } from '../../../shared/domain/transition/transition';
import { api, ApiError } from '../api/client';
import { getMe, getStaff, getTeam, overviewsChanged } from '../api/queries';
import { session } from '../auth/session';
import { ErrorSummary, type SummaryItem } from '../components/error-summary';
import { describedBy, FormField, FormFieldset } from '../components/form-field';
import { PageTitle } from '../components/page-title';
import { ProblemAlert } from '../components/problem-alert';

/** Where each API field name is shown in this form (the first control of a group). */
const fieldIds: Record<string, string> = {
  'persoon.voornaam': 'voornaam',
  'persoon.achternaam': 'achternaam',
  'persoon.geboortedatum': 'geboortedatum',
  gemeenteCode: 'gemeente',
  herkomst: `herkomst-${herkomsten[0]}`,
  begeleiderIds: 'begeleiders',
};

const MAX_BEGELEIDERS = 2;

export default function NewTransitionPage() {
  const navigate = useNavigate();
  const me = createAsync(() => getMe());
  const staff = createAsync(() => getStaff());
  const begeleiders = () => (staff()?.value?.items ?? []).filter((s) => s.role === 'begeleider');
  const self = session()?.principal;
  // The team lead assigns with the team's load in view: who is over capacity shows next to their name.
  const team = createAsync(async () => (self?.role === 'teamleider' ? getTeam() : undefined));
  const loadOf = (userId: string) => team()?.value?.caseload.find((c) => c.begeleider.id === userId);

  const [form, setForm] = createStore({
    voornaam: '',
    achternaam: '',
    geboortedatum: '',
    gemeenteCode: '',
    herkomst: '' as Herkomst | '',
    begeleiderIds: self?.role === 'begeleider' ? [self.userId] : ([] as string[]),
  });
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [summary, setSummary] = createSignal<SummaryItem[]>([]);
  const [failure, setFailure] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  // One key per form: a retry after a failure can never register the person twice.
  const idempotencyKey = crypto.randomUUID();

  const toggleBegeleider = (id: string, checked: boolean) =>
    setForm('begeleiderIds', (ids) => (checked ? [...ids, id] : ids.filter((x) => x !== id)));

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure();
    setSummary([]);
    const input = {
      persoon: { voornaam: form.voornaam, achternaam: form.achternaam, geboortedatum: form.geboortedatum },
      gemeenteCode: form.gemeenteCode,
      herkomst: form.herkomst,
      begeleiderIds: [...form.begeleiderIds],
    } as AanmeldingInput; // checked by the API, which answers with field messages
    try {
      const transition = await api.transitions.create(input, idempotencyKey);
      void overviewsChanged();
      navigate(`/trajecten/${transition.id}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 400) {
        const fieldErrors = e.fieldErrors();
        setErrors(fieldErrors);
        setSummary(
          Object.entries(fieldErrors).map(([name, message]) => ({ fieldId: fieldIds[name] ?? 'voornaam', message })),
        );
      } else if (e instanceof ApiError && e.problem.code === 'workflow-unavailable') {
        setErrors({});
        setFailure(
          'Opgeslagen, maar Landing kon de planning van het traject nog niet starten. Probeer het opnieuw: er komt geen dubbele aanmelding.',
        );
      } else {
        setFailure(e instanceof ApiError ? e.message : 'Registreren lukte niet. Probeer het opnieuw.');
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="landing-section">
      <PageTitle>Nieuwe aanmelding</PageTitle>
      <Show when={summary().length > 0}>
        <ErrorSummary items={summary()} />
      </Show>
      <ProblemAlert message={failure()} />
      <form class="utrecht-form landing-form" novalidate onSubmit={(e) => void submit(e)}>
        <h2 class="utrecht-heading-2">Persoon</h2>
        <FormField id="voornaam" label="Voornaam" error={errors()['persoon.voornaam']}>
          <input
            id="voornaam"
            class="utrecht-textbox utrecht-textbox--html-input"
            classList={{ 'utrecht-textbox--invalid': Boolean(errors()['persoon.voornaam']) }}
            autocomplete="off"
            value={form.voornaam}
            onInput={(e) => setForm('voornaam', e.currentTarget.value)}
            aria-invalid={errors()['persoon.voornaam'] ? 'true' : undefined}
            aria-describedby={describedBy('voornaam', { error: errors()['persoon.voornaam'] })}
          />
        </FormField>
        <FormField
          id="achternaam"
          label="Achternaam"
          description="Met tussenvoegsel, bijvoorbeeld: van Dijk"
          error={errors()['persoon.achternaam']}
        >
          <input
            id="achternaam"
            class="utrecht-textbox utrecht-textbox--html-input"
            classList={{ 'utrecht-textbox--invalid': Boolean(errors()['persoon.achternaam']) }}
            autocomplete="off"
            value={form.achternaam}
            onInput={(e) => setForm('achternaam', e.currentTarget.value)}
            aria-invalid={errors()['persoon.achternaam'] ? 'true' : undefined}
            aria-describedby={describedBy('achternaam', { description: true, error: errors()['persoon.achternaam'] })}
          />
        </FormField>
        <FormField id="geboortedatum" label="Geboortedatum" error={errors()['persoon.geboortedatum']}>
          <input
            id="geboortedatum"
            type="date"
            class="utrecht-textbox utrecht-textbox--html-input landing-date"
            classList={{ 'utrecht-textbox--invalid': Boolean(errors()['persoon.geboortedatum']) }}
            value={form.geboortedatum}
            onInput={(e) => setForm('geboortedatum', e.currentTarget.value)}
            aria-invalid={errors()['persoon.geboortedatum'] ? 'true' : undefined}
            aria-describedby={describedBy('geboortedatum', { error: errors()['persoon.geboortedatum'] })}
          />
        </FormField>

        <h2 class="utrecht-heading-2">Traject</h2>
        <FormField
          id="gemeente"
          label="Gemeente"
          description="De U16-gemeente waar de persoon gaat wonen"
          error={errors().gemeenteCode}
        >
          <select
            id="gemeente"
            class="utrecht-select utrecht-select--html-select"
            classList={{ 'utrecht-select--invalid': Boolean(errors().gemeenteCode) }}
            value={form.gemeenteCode}
            onChange={(e) => setForm('gemeenteCode', e.currentTarget.value)}
            aria-invalid={errors().gemeenteCode ? 'true' : undefined}
            aria-describedby={describedBy('gemeente', { description: true, error: errors().gemeenteCode })}
          >
            <option value="">Kies een gemeente</option>
            <For each={u16Municipalities}>{(m) => <option value={m.code}>{m.naam}</option>}</For>
          </select>
        </FormField>
        <FormFieldset
          id="herkomst"
          legend="Verblijft nu in"
          description="Waar woont de persoon nu: Beschermd Wonen, Maatschappelijke Opvang of begeleid wonen?"
          error={errors().herkomst}
        >
          <For each={herkomsten}>
            {(value) => (
              <div class="utrecht-form-field utrecht-form-field--radio">
                <input
                  id={`herkomst-${value}`}
                  type="radio"
                  name="herkomst"
                  class="utrecht-radio-button utrecht-radio-button--html-input"
                  value={value}
                  checked={form.herkomst === value}
                  onChange={() => setForm('herkomst', value)}
                />
                <label class="utrecht-form-label utrecht-form-label--radio" for={`herkomst-${value}`}>
                  {herkomstLabels[value]}
                </label>
              </div>
            )}
          </For>
        </FormFieldset>
        <FormField id="zorgaanbieder" label="Zorgaanbieder">
          <input
            id="zorgaanbieder"
            class="utrecht-textbox utrecht-textbox--html-input utrecht-textbox--read-only"
            readonly
            value={me()?.value?.organisation.naam ?? ''}
          />
        </FormField>
        <FormFieldset
          id="begeleiders"
          legend="Begeleiders"
          description="Eén begeleider of een duo"
          error={errors().begeleiderIds}
        >
          <For each={begeleiders()}>
            {(b, index) => (
              <div class="utrecht-form-field utrecht-form-field--checkbox">
                <input
                  id={index() === 0 ? 'begeleiders' : `begeleider-${b.id}`}
                  type="checkbox"
                  class="utrecht-checkbox utrecht-checkbox--html-input"
                  checked={form.begeleiderIds.includes(b.id)}
                  disabled={!form.begeleiderIds.includes(b.id) && form.begeleiderIds.length >= MAX_BEGELEIDERS}
                  onChange={(e) => toggleBegeleider(b.id, e.currentTarget.checked)}
                />
                <label
                  class="utrecht-form-label utrecht-form-label--checkbox"
                  for={index() === 0 ? 'begeleiders' : `begeleider-${b.id}`}
                >
                  {b.naam}
                  <Show when={loadOf(b.id)}>
                    {(load) => (
                      <span class="landing-muted">
                        {` — caseload ${load().bezetting}%`}
                        {load().trajecten > load().capaciteit ? ', boven de capaciteit' : ''}
                      </span>
                    )}
                  </Show>
                </label>
              </div>
            )}
          </For>
        </FormFieldset>
        <div class="utrecht-button-group landing-actions">
          <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={busy()}>
            {busy() ? 'Bezig met registreren…' : 'Aanmelding registreren'}
          </button>
        </div>
      </form>
    </section>
  );
}
