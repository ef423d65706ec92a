import { A, createAsync, revalidate, useSearchParams } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import {
  bindingsladder,
  byTrede,
  partnerSoorten,
  partnerSoortLabels,
  treden,
  tredeLabel,
  wijkKey,
  type Partner,
  type PartnerSoort,
  type Trede,
} from '../../../shared/domain/wijk/sociale-kaart';
import { api, retryKey } from '../api/client';
import { getKaartWijken, getPartners } from '../api/queries';
import { createActionRunner } from '../components/action-runner';
import { FormField } from '../components/form-field';
import { Ladder } from '../components/kaart/ladder';
import { PageTitle } from '../components/page-title';
import { ProblemAlert } from '../components/problem-alert';
import { TextInput } from '../components/transition/text-input';
import { datum } from '../format';

/**
 * The sociale kaart of a wijk: its partners and where each relationship stands on the bindingsladder, for the
 * duo to find who offers what in the neighbourhood, and to keep the contacts up ("een goed relatiebeheersysteem").
 */
export default function SocialeKaartPage() {
  const [params, setParams] = useSearchParams<{ wijk?: string; naam?: string }>();
  const wijk = () => (typeof params.wijk === 'string' && params.wijk ? params.wijk : undefined);
  const wijken = createAsync(() => getKaartWijken());
  const partners = createAsync(async () => (wijk() ? getPartners(wijk()!) : undefined));
  const wijkNaam = () =>
    wijken()?.value?.items.find((w) => w.wijkKey === wijk())?.wijk ??
    (typeof params.naam === 'string' ? params.naam : wijk());
  const [status, setStatus] = createSignal<string>();
  const reload = () => revalidate([getKaartWijken.keyFor(), ...(wijk() ? [getPartners.keyFor(wijk()!)] : [])]);

  const [andere, setAndere] = createSignal('');
  const [andereFout, setAndereFout] = createSignal<string>();
  const chooseWijk = (e: SubmitEvent) => {
    e.preventDefault();
    const naam = andere().trim().replace(/\s+/g, ' ');
    setAndereFout(wijkKey(naam) ? undefined : 'Typ de naam van een wijk, met minstens één letter of cijfer.');
    if (andereFout()) return;
    setParams({ wijk: wijkKey(naam), naam });
    setAndere('');
    setStatus();
  };

  return (
    <section class="landing-section">
      <PageTitle>Sociale kaart</PageTitle>
      <p class="utrecht-paragraph">
        De partners in de wijk: wie er zijn, wat ze bieden, wie je belt, en hoe ver de samenwerking is op de
        bindingsladder, van vertrouwen winnen tot duurzame contacten. Geen gegevens van cliënten.
      </p>
      <ProblemAlert message={wijken()?.error ? 'De wijken konden niet worden geladen.' : undefined} />
      <nav aria-labelledby="wijken-title">
        <h2 id="wijken-title" class="utrecht-heading-2">
          Wijken
        </h2>
        <Show
          when={(wijken()?.value?.items.length ?? 0) > 0}
          fallback={<p class="utrecht-paragraph">Nog geen wijk met partners. Typ hieronder een wijk.</p>}
        >
          <ul class="landing-wijken">
            <For each={wijken()?.value?.items}>
              {(w) => (
                <li>
                  <A
                    class="utrecht-link"
                    href={`/sociale-kaart?${new URLSearchParams({ wijk: w.wijkKey })}`}
                    aria-current={w.wijkKey === wijk() ? 'page' : undefined}
                  >
                    {w.wijk}
                  </A>{' '}
                  ({w.partners} {w.partners === 1 ? 'partner' : 'partners'})
                </li>
              )}
            </For>
          </ul>
        </Show>
        <form class="utrecht-form landing-filters" onSubmit={chooseWijk}>
          <TextInput id="andere-wijk" label="Andere wijk" value={andere()} onInput={setAndere} error={andereFout()} />
          <button type="submit" class="utrecht-button utrecht-button--secondary-action landing-filters__submit">
            Toon wijk
          </button>
        </form>
      </nav>

      <p class="utrecht-paragraph" role="status">
        {status() ?? ''}
      </p>

      <Show when={wijk()}>
        {(key) => (
          <>
            <h2 class="utrecht-heading-2">Partners in {wijkNaam()}</h2>
            <ProblemAlert message={partners()?.error ? 'De partners konden niet worden geladen.' : undefined} />
            <Show when={partners()?.value}>
              {(list) => (
                <Show
                  when={list().items.length > 0}
                  fallback={<p class="utrecht-paragraph">Nog geen partners in deze wijk. Zet de eerste op de kaart.</p>}
                >
                  <For each={[...treden].reverse().filter((t) => list().items.some((p) => p.trede === t))}>
                    {(t) => (
                      <>
                        <h3 class="utrecht-heading-3">{tredeLabel(t)}</h3>
                        <ul class="landing-offers" aria-label={tredeLabel(t)}>
                          <For each={byTrede(list().items).filter((p) => p.trede === t)}>
                            {(p) => (
                              <PartnerCard
                                partner={p}
                                wijk={key()}
                                onMoved={async (after) => {
                                  await reload();
                                  setStatus(`${after.naam} staat nu op ${tredeLabel(after.trede).toLowerCase()}.`);
                                }}
                              />
                            )}
                          </For>
                        </ul>
                      </>
                    )}
                  </For>
                </Show>
              )}
            </Show>
          </>
        )}
      </Show>

      <AddPartnerForm
        wijk={wijkNaam() ?? ''}
        onAdded={async (p) => {
          setParams({ wijk: p.wijkKey, naam: p.wijk });
          await reload();
          setStatus(`${p.naam} staat op de sociale kaart van ${p.wijk}, op ${tredeLabel(p.trede).toLowerCase()}.`);
        }}
      />
    </section>
  );
}

const KIES_TREDE = 'Kies een trede van de bindingsladder (1 tot en met 5).';

function TredeRadios(props: {
  name: string;
  legend: string;
  value: Trede | undefined;
  onChange: (t: Trede) => void;
  error?: string | undefined;
}) {
  return (
    <fieldset
      class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset"
      aria-invalid={props.error ? 'true' : undefined}
    >
      <legend class="utrecht-form-fieldset__legend">{props.legend}</legend>
      <Show when={props.error}>
        <div class="utrecht-form-field-error-message">{props.error}</div>
      </Show>
      <For each={[...treden]}>
        {(t) => (
          <div class="utrecht-form-field utrecht-form-field--radio">
            <input
              id={`${props.name}-${t}`}
              type="radio"
              name={props.name}
              class="utrecht-radio-button utrecht-radio-button--html-input"
              checked={props.value === t}
              onChange={() => props.onChange(t)}
            />
            <label class="utrecht-form-label utrecht-form-label--radio" for={`${props.name}-${t}`}>
              {t}. {bindingsladder[t].uitleg}
            </label>
          </div>
        )}
      </For>
    </fieldset>
  );
}

function PartnerCard(props: { partner: Partner; wijk: string; onMoved: (p: Partner) => Promise<void> }) {
  const p = () => props.partner;
  const id = () => `partner-${p().id}`;
  const [trede, setTrede] = createSignal<Trede>();
  const [toelichting, setToelichting] = createSignal('');
  const runner = createActionRunner(() => undefined);
  const move = async (e: SubmitEvent) => {
    e.preventDefault();
    const gekozen = trede();
    if (!gekozen) return runner.fail({ trede: KIES_TREDE });
    let moved: Partner | undefined;
    const ok = await runner.act(async () => {
      moved = await api.kaart.move(props.wijk, p().id, {
        trede: gekozen,
        toelichting: toelichting(),
        expectedVersion: p().version,
      });
    });
    if (ok && moved) {
      setTrede();
      setToelichting('');
      await props.onMoved(moved);
    }
  };
  return (
    <li class="landing-offer landing-partner" aria-labelledby={`${id()}-naam`}>
      <h4 id={`${id()}-naam`} class="utrecht-heading-4">
        {p().naam}
      </h4>
      <p class="utrecht-paragraph">
        {partnerSoortLabels[p().soort]}. {p().aanbod}
      </p>
      <Ladder trede={p().trede} naam={p().naam} />
      <Show when={p().contactpersoon}>
        {(c) => (
          <p class="utrecht-paragraph">
            Contactpersoon: {c().naam}
            {c().rol ? ` (${c().rol})` : ''}
          </p>
        )}
      </Show>
      <Show when={p().bereikbaar?.telefoon || p().bereikbaar?.email}>
        <p class="utrecht-paragraph">
          <Show when={p().bereikbaar?.telefoon}>
            {(tel) => (
              <>
                Telefoon: <a href={`tel:${tel().replace(/[^+0-9]/g, '')}`}>{tel()}</a>{' '}
              </>
            )}
          </Show>
          <Show when={p().bereikbaar?.email}>
            {(mail) => (
              <>
                E-mail: <a href={`mailto:${mail()}`}>{mail()}</a>
              </>
            )}
          </Show>
        </p>
      </Show>
      <Show when={p().notitie}>
        <p class="utrecht-paragraph">Samenwerking: {p().notitie}</p>
      </Show>
      <details class="landing-details">
        <summary>Geschiedenis op de bindingsladder</summary>
        <ul class="utrecht-unordered-list">
          <For each={[...p().geschiedenis].reverse()}>
            {(g) => (
              <li class="utrecht-unordered-list__item">
                <time datetime={g.op}>{datum(g.op)}</time>: {tredeLabel(g.trede)}, door {g.door.naam}. {g.toelichting}
              </li>
            )}
          </For>
        </ul>
      </details>
      <details class="landing-details">
        <summary>Trede wijzigen</summary>
        <form class="utrecht-form landing-inline-form" onSubmit={(e) => void move(e)}>
          <ProblemAlert message={runner.error()} />
          <TredeRadios
            name={`${id()}-trede`}
            legend={`Nieuwe trede voor ${p().naam}`}
            value={trede()}
            onChange={setTrede}
            error={runner.fieldErrors().trede}
          />
          <FormField id={`${id()}-toelichting`} label="Toelichting" error={runner.fieldErrors().toelichting}>
            <textarea
              id={`${id()}-toelichting`}
              class="utrecht-textarea utrecht-textarea--html-textarea"
              rows="2"
              value={toelichting()}
              onInput={(e) => setToelichting(e.currentTarget.value)}
            />
          </FormField>
          <button type="submit" class="utrecht-button utrecht-button--primary-action">
            Trede opslaan
          </button>
        </form>
      </details>
    </li>
  );
}

interface Form {
  wijk: string;
  naam: string;
  soort: PartnerSoort;
  trede: Trede | undefined;
  contactNaam: string;
  contactRol: string;
  telefoon: string;
  email: string;
  aanbod: string;
  notitie: string;
}

function AddPartnerForm(props: { wijk: string; onAdded: (p: Partner) => Promise<void> }) {
  const empty = (): Form => ({
    wijk: props.wijk,
    naam: '',
    soort: 'buurthuis',
    trede: undefined,
    contactNaam: '',
    contactRol: '',
    telefoon: '',
    email: '',
    aanbod: '',
    notitie: '',
  });
  const [form, setForm] = createStore<Form>(empty());
  const [wijkTyped, setWijkTyped] = createSignal(false);
  const wijk = () => (wijkTyped() ? form.wijk : props.wijk);
  const runner = createActionRunner(() => undefined);
  const withRetry = retryKey();
  const errors = () => runner.fieldErrors();
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const trede = form.trede;
    if (!trede) return runner.fail({ trede: KIES_TREDE });
    let added: Partner | undefined;
    const ok = await runner.act(async () => {
      added = await withRetry((key) =>
        api.kaart.add(
          {
            wijk: wijk(),
            naam: form.naam,
            soort: form.soort,
            trede,
            ...(form.contactNaam || form.contactRol
              ? { contactpersoon: { naam: form.contactNaam, ...(form.contactRol ? { rol: form.contactRol } : {}) } }
              : {}),
            ...(form.telefoon || form.email
              ? {
                  bereikbaar: {
                    ...(form.telefoon ? { telefoon: form.telefoon } : {}),
                    ...(form.email ? { email: form.email } : {}),
                  },
                }
              : {}),
            aanbod: form.aanbod,
            ...(form.notitie ? { notitie: form.notitie } : {}),
          },
          key,
        ),
      );
    });
    if (ok && added) {
      setForm(empty());
      setWijkTyped(false);
      await props.onAdded(added);
    }
  };
  return (
    <section class="landing-panel" aria-labelledby="partner-toevoegen-title">
      <h2 id="partner-toevoegen-title" class="utrecht-heading-2">
        Partner toevoegen
      </h2>
      <form class="utrecht-form landing-form" onSubmit={(e) => void submit(e)}>
        <ProblemAlert message={runner.error()} />
        <TextInput
          id="partner-wijk"
          label="Wijk"
          value={wijk()}
          onInput={(v) => {
            setWijkTyped(true);
            setForm('wijk', v);
          }}
          error={errors().wijk}
        />
        <TextInput
          id="partner-naam"
          label="Naam van de organisatie"
          value={form.naam}
          onInput={(v) => setForm('naam', v)}
          error={errors().naam}
        />
        <FormField id="partner-soort" label="Soort" error={errors().soort}>
          <select
            id="partner-soort"
            class="utrecht-select utrecht-select--html-select"
            value={form.soort}
            onChange={(e) => setForm('soort', e.currentTarget.value as PartnerSoort)}
          >
            <For each={partnerSoorten}>{(s) => <option value={s}>{partnerSoortLabels[s]}</option>}</For>
          </select>
        </FormField>
        <TredeRadios
          name="partner-trede"
          legend="Trede op de bindingsladder"
          value={form.trede}
          onChange={(t) => setForm('trede', t)}
          error={errors().trede}
        />
        <FormField id="partner-aanbod" label="Wat biedt de partner" error={errors().aanbod}>
          <textarea
            id="partner-aanbod"
            class="utrecht-textarea utrecht-textarea--html-textarea"
            rows="2"
            value={form.aanbod}
            onInput={(e) => setForm('aanbod', e.currentTarget.value)}
          />
        </FormField>
        <TextInput
          id="partner-contact"
          label="Contactpersoon (naam)"
          value={form.contactNaam}
          onInput={(v) => setForm('contactNaam', v)}
          error={errors()['contactpersoon.naam']}
        />
        <TextInput
          id="partner-contact-rol"
          label="Rol van de contactpersoon"
          value={form.contactRol}
          onInput={(v) => setForm('contactRol', v)}
          error={errors()['contactpersoon.rol']}
        />
        <TextInput
          id="partner-telefoon"
          label="Telefoon van de organisatie"
          value={form.telefoon}
          onInput={(v) => setForm('telefoon', v)}
          error={errors()['bereikbaar.telefoon']}
        />
        <TextInput
          id="partner-email"
          label="E-mail van de organisatie"
          value={form.email}
          onInput={(v) => setForm('email', v)}
          error={errors()['bereikbaar.email']}
        />
        <FormField id="partner-notitie" label="Notitie over de samenwerking" error={errors().notitie}>
          <textarea
            id="partner-notitie"
            class="utrecht-textarea utrecht-textarea--html-textarea"
            rows="2"
            value={form.notitie}
            onInput={(e) => setForm('notitie', e.currentTarget.value)}
          />
        </FormField>
        <button type="submit" class="utrecht-button utrecht-button--primary-action">
          Partner toevoegen
        </button>
      </form>
    </section>
  );
}
