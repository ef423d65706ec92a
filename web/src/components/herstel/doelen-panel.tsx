import { createSignal, For, Index, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import {
  schaalLabels,
  voortgangSchalen,
  wieLabels,
  wieSoorten,
  type Doel,
  type StapInput,
  type VoortgangSchaal,
  type WieSoort,
} from '../../../../shared/domain/herstel/doelen';
import {
  levensdomeinen,
  levensdomeinLabels,
  type Levensdomein,
} from '../../../../shared/domain/herstel/levensdomeinen';
import { todayInNetherlands } from '../../../../shared/domain/common/calendar';
import type { PartnerRef } from '../../../../shared/domain/wijk/sociale-kaart';
import { api } from '../../api/client';
import { overviewsChanged } from '../../api/queries';
import { useDemoClock } from '../../clock/demo-clock';
import { datum } from '../../format';
import { createActionRunner } from '../action-runner';
import { FormField } from '../form-field';
import { ProblemAlert } from '../problem-alert';
import { TextInput } from '../transition/text-input';
import type { HerstelPartProps } from './herstel-section';

/** The belangrijkste wensen of the latest Persoonlijk Profiel, read defensively (that part is built beside this). */
function wensenUitProfiel(profiel: readonly unknown[]): string[] {
  const last = profiel.at(-1) as { belangrijksteWensen?: unknown } | undefined;
  const wensen = last?.belangrijksteWensen;
  if (!Array.isArray(wensen)) return [];
  return wensen
    .map((w) => (typeof w === 'string' ? w : (w as { wens?: unknown })?.wens))
    .filter((w): w is string => typeof w === 'string');
}

/**
 * Doelen en Plan van Aanpak, as Supportgericht Werken works: doelen stellen (from the person's most important
 * wishes), plan maken (Werkblad Opties, then concrete steps and who does them), plan uitvoeren, and monitoren,
 * evalueren en bijstellen on the evaluation date.
 */
export function DoelenPanel(props: HerstelPartProps) {
  const runner = createActionRunner(props.onChanged);
  const [form, setForm] = createStore({ levensdomein: '' as Levensdomein | '', wens: '', doel: '', hulpmiddelen: '' });
  const err = (name: string) => runner.fieldErrors()[name];
  const domeinen = () => levensdomeinen.filter((d) => props.herstel.doelen.some((g) => g.levensdomein === d));
  const wensen = () => wensenUitProfiel(props.herstel.profiel);

  const stel = (event: SubmitEvent) => {
    event.preventDefault();
    void runner
      .act(
        () =>
          api.herstel.doelen.stel(props.transition.id, {
            levensdomein: form.levensdomein as Levensdomein,
            wens: form.wens,
            doel: form.doel,
            ...(form.hulpmiddelen ? { hulpmiddelen: form.hulpmiddelen } : {}),
          }),
        'Het doel is gesteld. Zet nu de opties op een rij.',
      )
      .then((ok) => ok && setForm({ levensdomein: '', wens: '', doel: '', hulpmiddelen: '' }));
  };

  return (
    <section class="landing-subsection" aria-labelledby="doelen-title" id="doelen">
      <h3 id="doelen-title" class="utrecht-heading-3">
        Doelen en Plan van Aanpak
      </h3>
      <p class="utrecht-paragraph">
        Doelen stellen, plan maken, plan uitvoeren, monitoren, evalueren en bijstellen: samen met de persoon.
      </p>
      <ProblemAlert message={runner.error()} />
      <Show when={runner.done()}>
        <p class="utrecht-paragraph" role="status">
          {runner.done()}
        </p>
      </Show>
      <Show when={props.herstel.doelen.length > 0} fallback={<p class="utrecht-paragraph">Nog geen doelen gesteld.</p>}>
        <For each={domeinen()}>
          {(domein) => (
            <div class="landing-doelen-domein">
              <h4 class="utrecht-heading-4">{levensdomeinLabels[domein]}</h4>
              {/* Keyed by id: a goal's card (its open forms, what it just said) stays when the plan reloads. */}
              <For each={props.herstel.doelen.filter((d) => d.levensdomein === domein).map((d) => d.id)}>
                {(doelId) => (
                  <Show when={props.herstel.doelen.find((d) => d.id === doelId)}>
                    {(doel) => <DoelKaart {...props} doel={doel()} />}
                  </Show>
                )}
              </For>
            </div>
          )}
        </For>
      </Show>
      <Show when={!props.readOnly}>
        <details class="landing-details">
          <summary>Doel stellen</summary>
          <form class="utrecht-form landing-form" onSubmit={stel}>
            <FormField id="doel-levensdomein" label="Levensdomein" error={err('levensdomein')}>
              <select
                id="doel-levensdomein"
                class="utrecht-select utrecht-select--html-select"
                value={form.levensdomein}
                onChange={(e) => setForm('levensdomein', e.currentTarget.value as Levensdomein)}
              >
                <option value="">Kies een levensdomein</option>
                <For each={levensdomeinen}>{(d) => <option value={d}>{levensdomeinLabels[d]}</option>}</For>
              </select>
            </FormField>
            <FormField
              id="doel-wens"
              label="Wens"
              error={err('wens')}
              description="Een van de belangrijkste wensen uit het Persoonlijk Profiel."
            >
              <input
                id="doel-wens"
                class="utrecht-textbox utrecht-textbox--html-input"
                list="doel-wensen"
                value={form.wens}
                onInput={(e) => setForm('wens', e.currentTarget.value)}
                aria-describedby="doel-wens-description"
              />
              <datalist id="doel-wensen">
                <For each={wensen()}>{(w) => <option value={w} />}</For>
              </datalist>
            </FormField>
            <TextInput
              id="doel-doel"
              label="Te bereiken resultaat (doel)"
              value={form.doel}
              onInput={(v) => setForm('doel', v)}
              error={err('doel')}
            />
            <TextInput
              id="doel-hulpmiddelen"
              label="Benodigde hulpmiddelen of voorzieningen (optioneel)"
              value={form.hulpmiddelen}
              onInput={(v) => setForm('hulpmiddelen', v)}
              error={err('hulpmiddelen')}
            />
            <button type="submit" class="utrecht-button utrecht-button--primary-action">
              Doel stellen
            </button>
          </form>
        </details>
      </Show>
    </section>
  );
}

type StapForm = {
  id?: string;
  wat: string;
  soort: WieSoort | '';
  netwerkLidId: string;
  naam: string;
  partner?: PartnerRef;
  gedaanOp?: string;
};

/** Who may come through a partner of the wijk: a voorziening or a professional there, not the person or a member. */
const viaPartner = (soort: WieSoort | '') => soort === 'algemene-voorziening' || soort === 'professioneel';

const stapForm = (d: Doel): StapForm[] =>
  d.stappen.map((s) => ({
    id: s.id,
    wat: s.wat,
    soort: s.wie.soort,
    netwerkLidId: s.wie.netwerkLidId ?? '',
    naam: s.wie.soort === 'netwerk' ? '' : s.wie.naam,
    ...(s.wie.partner ? { partner: s.wie.partner } : {}),
    ...(s.gedaanOp ? { gedaanOp: s.gedaanOp } : {}),
  }));

const stapInput = (s: StapForm): StapInput => ({
  ...(s.id ? { id: s.id } : {}),
  wat: s.wat,
  wie: {
    soort: s.soort as WieSoort,
    ...(s.soort === 'netwerk' ? { netwerkLidId: s.netwerkLidId } : {}),
    ...(s.soort !== 'netwerk' && s.naam ? { naam: s.naam } : {}),
    ...(viaPartner(s.soort) && s.partner ? { partner: s.partner } : {}),
  },
  ...(s.gedaanOp ? { gedaanOp: s.gedaanOp } : {}),
});

function DoelKaart(props: HerstelPartProps & { doel: Doel }) {
  // A goal's evaluation date is on Vandaag: that list is stale after a change too.
  const runner = createActionRunner(() => Promise.all([props.onChanged(), overviewsChanged()]));
  const err = (name: string) => runner.fieldErrors()[name];
  const id = () => `doel-${props.doel.id}`;
  const tid = () => props.transition.id;
  const active = () => props.doel.status === 'actief' && !props.readOnly;
  const { now } = useDemoClock();
  // Today as the demo clock has it (locally), else the browser's.
  const today = () => todayInNetherlands(new Date(now() ?? Date.now()));
  const optieNaam = (optieId: string | undefined) => props.doel.opties.find((o) => o.id === optieId)?.optie;

  // Werkblad Opties
  const optiesForm = () => ({
    rows: props.doel.opties.map((o) => ({
      id: o.id as string | undefined,
      optie: o.optie,
      voordelen: o.voordelen ?? '',
      nadelen: o.nadelen ?? '',
    })),
    beste: props.doel.opties.findIndex((o) => o.id === props.doel.besteOptieId),
    tweede: props.doel.opties.findIndex((o) => o.id === props.doel.tweedeOptieId),
  });
  const [opties, setOpties] = createStore(optiesForm());
  const saveOpties = (event: SubmitEvent) => {
    event.preventDefault();
    const rows = opties.rows.filter((r) => r.optie.trim());
    void runner
      .act(
        () =>
          api.herstel.doelen.opties(tid(), props.doel.id, {
            versie: props.doel.versie,
            opties: rows.map((r) => ({
              ...(r.id ? { id: r.id } : {}),
              optie: r.optie,
              ...(r.voordelen ? { voordelen: r.voordelen } : {}),
              ...(r.nadelen ? { nadelen: r.nadelen } : {}),
            })),
            ...(opties.beste >= 0 && opties.beste < rows.length ? { beste: opties.beste } : {}),
            ...(opties.tweede >= 0 && opties.tweede < rows.length ? { tweede: opties.tweede } : {}),
          }),
        'Het Werkblad Opties is opgeslagen.',
      )
      .then((ok) => ok && setOpties(optiesForm()));
  };

  // Plan van Aanpak
  const [planForm, setPlanForm] = createStore({
    stappen: stapForm(props.doel),
    evaluatieOp: props.doel.evaluatieOp ?? '',
    hulpmiddelen: props.doel.hulpmiddelen ?? '',
  });
  const savePlan = (event: SubmitEvent) => {
    event.preventDefault();
    void runner
      .act(
        () =>
          api.herstel.doelen.plan(tid(), props.doel.id, {
            versie: props.doel.versie,
            stappen: planForm.stappen.filter((s) => s.wat.trim()).map(stapInput),
            evaluatieOp: planForm.evaluatieOp,
            ...(planForm.hulpmiddelen ? { hulpmiddelen: planForm.hulpmiddelen } : {}),
          }),
        'Het Plan van Aanpak is opgeslagen.',
      )
      .then((ok) => ok && setPlanForm('stappen', stapForm(props.doel)));
  };

  // Evalueren en bijstellen
  const [evalForm, setEvalForm] = createStore({
    voortgang: '',
    schaal: '' as VoortgangSchaal | '',
    bijstellen: false,
    bijstelling: '',
    stappen: stapForm(props.doel),
    volgendeEvaluatieOp: '',
  });
  const saveEvaluatie = (event: SubmitEvent) => {
    event.preventDefault();
    void runner
      .act(
        () =>
          api.herstel.doelen.evalueer(tid(), props.doel.id, {
            versie: props.doel.versie,
            voortgang: evalForm.voortgang,
            schaal: evalForm.schaal as VoortgangSchaal,
            volgendeEvaluatieOp: evalForm.volgendeEvaluatieOp,
            ...(evalForm.bijstellen
              ? {
                  bijstelling: evalForm.bijstelling,
                  stappen: evalForm.stappen.filter((s) => s.wat.trim()).map(stapInput),
                }
              : {}),
          }),
        'De evaluatie is vastgelegd.',
      )
      .then(
        (ok) =>
          ok &&
          setEvalForm({
            voortgang: '',
            schaal: '',
            bijstellen: false,
            bijstelling: '',
            volgendeEvaluatieOp: '',
            stappen: stapForm(props.doel),
          }),
      );
  };
  const [sluitReden, setSluitReden] = createSignal('');
  const sluit = (status: 'bereikt' | 'losgelaten') =>
    void runner.act(
      () => api.herstel.doelen.sluit(tid(), props.doel.id, { versie: props.doel.versie, status, reden: sluitReden() }),
      status === 'bereikt' ? 'Het doel is bereikt en afgesloten.' : 'Het doel is losgelaten en afgesloten.',
    );

  return (
    <article class="landing-doel" id={id()} aria-labelledby={`${id()}-titel`}>
      <h5 id={`${id()}-titel`} class="utrecht-heading-5">
        {props.doel.doel}
      </h5>
      <p class="utrecht-paragraph">
        Wens: “{props.doel.wens}”. Gesteld op {datum(props.doel.gesteldOp)}
        {props.doel.status === 'actief' ? '' : ` — ${props.doel.status === 'bereikt' ? 'bereikt' : 'losgelaten'}`}
        {props.doel.afsluitreden ? ` (${props.doel.afsluitreden})` : ''}.
      </p>
      <ProblemAlert message={runner.error()} />
      <Show when={runner.done()}>
        <p class="utrecht-paragraph" role="status">
          {runner.done()}
        </p>
      </Show>

      <h6 class="utrecht-heading-6">Werkblad Opties</h6>
      <Show when={props.doel.opties.length > 0} fallback={<p class="utrecht-paragraph">Nog geen opties.</p>}>
        <ul class="utrecht-unordered-list" aria-label={`Opties voor ${props.doel.doel}`}>
          <For each={props.doel.opties}>
            {(o) => (
              <li class="utrecht-unordered-list__item">
                <strong>{o.optie}</strong>
                {o.id === props.doel.besteOptieId ? ' (beste optie)' : ''}
                {o.id === props.doel.tweedeOptieId ? ' (op één na beste optie)' : ''}
                {o.voordelen ? ` — voordelen: ${o.voordelen}` : ''}
                {o.nadelen ? ` — nadelen: ${o.nadelen}` : ''}
              </li>
            )}
          </For>
        </ul>
        <p class="utrecht-paragraph">
          Beste optie: {optieNaam(props.doel.besteOptieId) ?? 'nog niet gekozen'}. Op één na beste optie:{' '}
          {optieNaam(props.doel.tweedeOptieId) ?? 'nog niet gekozen'}.
        </p>
      </Show>
      <Show when={active()}>
        <details class="landing-details">
          <summary>Opties wegen</summary>
          <form class="utrecht-form landing-form" onSubmit={saveOpties}>
            <Index each={opties.rows}>
              {(row, i) => (
                <fieldset class="utrecht-form-fieldset">
                  <legend class="utrecht-form-fieldset__legend">Optie {i + 1}</legend>
                  <TextInput
                    id={`${id()}-optie-${i}`}
                    label="Optie"
                    value={row().optie}
                    onInput={(v) => setOpties('rows', i, 'optie', v)}
                    error={err(`opties.${i}.optie`)}
                  />
                  <TextInput
                    id={`${id()}-voordelen-${i}`}
                    label="Voordelen"
                    value={row().voordelen}
                    onInput={(v) => setOpties('rows', i, 'voordelen', v)}
                  />
                  <TextInput
                    id={`${id()}-nadelen-${i}`}
                    label="Nadelen"
                    value={row().nadelen}
                    onInput={(v) => setOpties('rows', i, 'nadelen', v)}
                  />
                  <div class="utrecht-form-field utrecht-form-field--radio">
                    <input
                      type="radio"
                      class="utrecht-radio-button"
                      id={`${id()}-beste-${i}`}
                      name={`${id()}-beste`}
                      checked={opties.beste === i}
                      onChange={() => setOpties('beste', i)}
                    />
                    <label class="utrecht-form-label" for={`${id()}-beste-${i}`}>
                      Beste optie
                    </label>
                  </div>
                  <div class="utrecht-form-field utrecht-form-field--radio">
                    <input
                      type="radio"
                      class="utrecht-radio-button"
                      id={`${id()}-tweede-${i}`}
                      name={`${id()}-tweede`}
                      checked={opties.tweede === i}
                      onChange={() => setOpties('tweede', i)}
                    />
                    <label class="utrecht-form-label" for={`${id()}-tweede-${i}`}>
                      Op één na beste optie
                    </label>
                  </div>
                </fieldset>
              )}
            </Index>
            <Show when={err('tweede') || err('beste')}>
              <div class="utrecht-form-field-error-message">{err('tweede') ?? err('beste')}</div>
            </Show>
            <div class="utrecht-button-group">
              <button
                type="button"
                class="utrecht-button utrecht-button--secondary-action"
                onClick={() =>
                  setOpties('rows', opties.rows.length, { optie: '', voordelen: '', nadelen: '' } as never)
                }
              >
                Optie toevoegen
              </button>
              <button type="submit" class="utrecht-button utrecht-button--primary-action">
                Werkblad opslaan
              </button>
            </div>
          </form>
        </details>
      </Show>

      <h6 class="utrecht-heading-6">Plan van Aanpak</h6>
      <Show when={props.doel.hulpmiddelen}>
        <p class="utrecht-paragraph">Benodigde hulpmiddelen of voorzieningen: {props.doel.hulpmiddelen}</p>
      </Show>
      <Show when={props.doel.stappen.length > 0} fallback={<p class="utrecht-paragraph">Nog geen stappen.</p>}>
        <ol class="utrecht-ordered-list" aria-label={`Stappen voor ${props.doel.doel}`}>
          <For each={props.doel.stappen}>
            {(s) => (
              <li class="utrecht-ordered-list__item">
                {s.wat} — {wieLabels[s.wie.soort].toLowerCase()}: {wieNaam(s.wie)}
                {s.gedaanOp ? ` (gedaan op ${datum(s.gedaanOp)})` : ''}
              </li>
            )}
          </For>
        </ol>
      </Show>
      <p class="utrecht-paragraph">
        Datum evaluatie: {props.doel.evaluatieOp ? datum(props.doel.evaluatieOp) : 'nog niet gepland'}
        {props.doel.status === 'actief' && props.doel.evaluatieOp && props.doel.evaluatieOp <= today()
          ? ' — nu te evalueren'
          : ''}
        .
      </p>
      <Show when={active()}>
        <details class="landing-details">
          <summary>Plan maken of bijwerken</summary>
          <form class="utrecht-form landing-form" onSubmit={savePlan}>
            <StappenEditor
              prefix={`${id()}-plan`}
              stappen={planForm.stappen}
              netwerk={props.herstel.netwerk}
              partners={props.wijkPartners}
              error={err}
              errorPrefix="stappen"
              set={(i, k, v) => setPlanForm('stappen', i, k, v)}
              add={() =>
                setPlanForm('stappen', planForm.stappen.length, { wat: '', soort: '', netwerkLidId: '', naam: '' })
              }
            />
            <TextInput
              id={`${id()}-plan-hulpmiddelen`}
              label="Benodigde hulpmiddelen of voorzieningen (optioneel)"
              value={planForm.hulpmiddelen}
              onInput={(v) => setPlanForm('hulpmiddelen', v)}
            />
            <TextInput
              id={`${id()}-plan-evaluatie`}
              label="Datum evaluatie"
              type="date"
              value={planForm.evaluatieOp}
              onInput={(v) => setPlanForm('evaluatieOp', v)}
              error={err('evaluatieOp')}
            />
            <button type="submit" class="utrecht-button utrecht-button--primary-action">
              Plan opslaan
            </button>
          </form>
        </details>
      </Show>

      <h6 class="utrecht-heading-6">Evaluaties</h6>
      <Show when={props.doel.evaluaties.length > 0} fallback={<p class="utrecht-paragraph">Nog niet geëvalueerd.</p>}>
        <ul class="utrecht-unordered-list" aria-label={`Evaluaties van ${props.doel.doel}, nieuwste eerst`}>
          <For each={[...props.doel.evaluaties].reverse()}>
            {(e) => (
              <li class="utrecht-unordered-list__item">
                {datum(e.op)}: {schaalLabels[e.schaal]} — “{e.voortgang}”
                {e.bijstelling ? ` Bijgesteld: ${e.bijstelling}.` : ''} ({e.door.naam})
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={active()}>
        <details class="landing-details" id={`${id()}-evalueren`}>
          <summary>Evalueren</summary>
          <form class="utrecht-form landing-form" onSubmit={saveEvaluatie}>
            <FormField
              id={`${id()}-voortgang`}
              label="Hoe gaat het? In de woorden van de persoon"
              error={err('voortgang')}
            >
              <textarea
                id={`${id()}-voortgang`}
                class="utrecht-textarea"
                rows={3}
                value={evalForm.voortgang}
                onInput={(e) => setEvalForm('voortgang', e.currentTarget.value)}
              />
            </FormField>
            <fieldset class="utrecht-form-fieldset">
              <legend class="utrecht-form-fieldset__legend">Hoe ver is het doel?</legend>
              <Show when={err('schaal')}>
                <div class="utrecht-form-field-error-message">{err('schaal')}</div>
              </Show>
              <For each={voortgangSchalen}>
                {(s) => (
                  <div class="utrecht-form-field utrecht-form-field--radio">
                    <input
                      type="radio"
                      class="utrecht-radio-button"
                      id={`${id()}-schaal-${s}`}
                      name={`${id()}-schaal`}
                      checked={evalForm.schaal === s}
                      onChange={() => setEvalForm('schaal', s)}
                    />
                    <label class="utrecht-form-label" for={`${id()}-schaal-${s}`}>
                      {schaalLabels[s]}
                    </label>
                  </div>
                )}
              </For>
            </fieldset>
            <div class="utrecht-form-field utrecht-form-field--checkbox">
              <input
                type="checkbox"
                class="utrecht-checkbox"
                id={`${id()}-bijstellen`}
                checked={evalForm.bijstellen}
                onChange={(e) => setEvalForm('bijstellen', e.currentTarget.checked)}
              />
              <label class="utrecht-form-label" for={`${id()}-bijstellen`}>
                Plan bijstellen
              </label>
            </div>
            <Show when={evalForm.bijstellen}>
              <TextInput
                id={`${id()}-bijstelling`}
                label="Wat is bijgesteld, en waarom"
                value={evalForm.bijstelling}
                onInput={(v) => setEvalForm('bijstelling', v)}
                error={err('bijstelling')}
              />
              <StappenEditor
                prefix={`${id()}-bij`}
                stappen={evalForm.stappen}
                netwerk={props.herstel.netwerk}
                partners={props.wijkPartners}
                error={err}
                errorPrefix="stappen"
                set={(i, k, v) => setEvalForm('stappen', i, k, v)}
                add={() =>
                  setEvalForm('stappen', evalForm.stappen.length, { wat: '', soort: '', netwerkLidId: '', naam: '' })
                }
              />
            </Show>
            <TextInput
              id={`${id()}-volgende`}
              label="Volgende evaluatie"
              type="date"
              value={evalForm.volgendeEvaluatieOp}
              onInput={(v) => setEvalForm('volgendeEvaluatieOp', v)}
              error={err('volgendeEvaluatieOp')}
            />
            <button type="submit" class="utrecht-button utrecht-button--primary-action">
              Evaluatie vastleggen
            </button>
          </form>
        </details>
        <details class="landing-details">
          <summary>Doel afsluiten</summary>
          <div class="landing-form">
            <TextInput
              id={`${id()}-sluitreden`}
              label="Waarom"
              value={sluitReden()}
              onInput={setSluitReden}
              error={err('reden')}
            />
            <div class="utrecht-button-group">
              <button
                type="button"
                class="utrecht-button utrecht-button--secondary-action"
                onClick={() => sluit('bereikt')}
              >
                Bereikt
              </button>
              <button type="button" class="utrecht-button utrecht-button--subtle" onClick={() => sluit('losgelaten')}>
                Losgelaten
              </button>
            </div>
          </div>
        </details>
      </Show>
    </article>
  );
}

/** Who does a step, as shown: the name, and the partner of the wijk it comes through. */
function wieNaam(wie: Doel['stappen'][number]['wie']): string {
  if (!wie.partner) return wie.naam;
  return wie.naam === wie.partner.naam ? `via ${wie.partner.naam}` : `${wie.naam} via ${wie.partner.naam}`;
}

function StappenEditor(props: {
  prefix: string;
  stappen: StapForm[];
  netwerk: readonly { id: string; naam?: string }[];
  partners: readonly PartnerRef[];
  error: (name: string) => string | undefined;
  errorPrefix: string;
  set: <K extends keyof StapForm>(i: number, k: K, v: StapForm[K]) => void;
  add: () => void;
}) {
  // A step linked to a partner no longer on the wijk's kaart keeps it, as it was named then.
  const keuzes = (s: StapForm) =>
    s.partner && !props.partners.some((p) => p.partnerId === s.partner?.partnerId)
      ? [s.partner, ...props.partners]
      : props.partners;
  const kiesPartner = (i: number, s: StapForm, partnerId: string) => {
    const partner = keuzes(s).find((p) => p.partnerId === partnerId);
    props.set(i, 'partner', partner);
    if (partner && !s.naam.trim()) props.set(i, 'naam', partner.naam);
  };
  return (
    <>
      <Index each={props.stappen}>
        {(s, i) => (
          <fieldset class="utrecht-form-fieldset">
            <legend class="utrecht-form-fieldset__legend">Stap {i + 1}</legend>
            <TextInput
              id={`${props.prefix}-wat-${i}`}
              label="Concrete stap of activiteit"
              value={s().wat}
              onInput={(v) => props.set(i, 'wat', v)}
              error={props.error(`${props.errorPrefix}.${i}.wat`)}
            />
            <FormField
              id={`${props.prefix}-wie-${i}`}
              label="Wie doet het"
              error={props.error(`${props.errorPrefix}.${i}.wie.soort`)}
            >
              <select
                id={`${props.prefix}-wie-${i}`}
                class="utrecht-select utrecht-select--html-select"
                value={s().soort}
                onChange={(e) => props.set(i, 'soort', e.currentTarget.value as WieSoort)}
              >
                <option value="">Kies wie</option>
                <For each={wieSoorten}>{(w) => <option value={w}>{wieLabels[w]}</option>}</For>
              </select>
            </FormField>
            <Show
              when={s().soort === 'netwerk'}
              fallback={
                <Show when={s().soort && s().soort !== 'persoon'}>
                  <Show when={viaPartner(s().soort) && keuzes(s()).length > 0}>
                    <FormField id={`${props.prefix}-partner-${i}`} label="Partner in de wijk (optioneel)">
                      <select
                        id={`${props.prefix}-partner-${i}`}
                        class="utrecht-select utrecht-select--html-select"
                        value={s().partner?.partnerId ?? ''}
                        onChange={(e) => kiesPartner(i, s(), e.currentTarget.value)}
                      >
                        <option value="">Geen partner uit de sociale kaart</option>
                        <For each={keuzes(s())}>{(p) => <option value={p.partnerId}>{p.naam}</option>}</For>
                      </select>
                    </FormField>
                  </Show>
                  <TextInput
                    id={`${props.prefix}-naam-${i}`}
                    label="Naam (voorziening, professional, of waarvoor de Wmo)"
                    value={s().naam}
                    onInput={(v) => props.set(i, 'naam', v)}
                    error={props.error(`${props.errorPrefix}.${i}.wie.naam`)}
                  />
                </Show>
              }
            >
              <FormField
                id={`${props.prefix}-lid-${i}`}
                label="Wie uit het netwerk"
                error={props.error(`${props.errorPrefix}.${i}.wie.netwerkLidId`)}
              >
                <select
                  id={`${props.prefix}-lid-${i}`}
                  class="utrecht-select utrecht-select--html-select"
                  value={s().netwerkLidId}
                  onChange={(e) => props.set(i, 'netwerkLidId', e.currentTarget.value)}
                >
                  <option value="">Kies iemand uit het netwerk</option>
                  <For each={props.netwerk}>{(n) => <option value={n.id}>{n.naam ?? n.id}</option>}</For>
                </select>
              </FormField>
            </Show>
          </fieldset>
        )}
      </Index>
      <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={() => props.add()}>
        Stap toevoegen
      </button>
    </>
  );
}
