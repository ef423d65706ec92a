import { For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { TransitionOverview } from '../../../../shared/api/contract';
import {
  eenheidCodes,
  eenheidLabels,
  frequentieCodes,
  frequentieLabels,
  hoursPerWeek,
  omvangInWoorden,
  redenVerzoekCodes,
  redenVerzoekLabels,
  type EenheidCode,
  type FrequentieCode,
  type RedenVerzoekCode,
  type Toewijzing,
} from '../../../../shared/domain/support/iwmo';
import type { Transition } from '../../../../shared/domain/transition/transition';
import { api } from '../../api/client';
import { saveFile } from '../../download';
import { datum } from '../../format';
import { createActionRunner } from '../action-runner';
import { describedBy, FormField } from '../form-field';
import { ProblemAlert } from '../problem-alert';
import { createCommandRunner } from '../transition/command-runner';
import { TextInput } from '../transition/text-input';

const uren = (hours: number) => new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 }).format(hours);

/** "3 uur per week, 02A01, van 1 januari 2027 tot en met 31 december 2027", with the weekly average when it differs. */
function inWoorden(t: Toewijzing): string {
  const perWeek = hoursPerWeek(t.omvang, t);
  const average =
    perWeek !== undefined && !(t.omvang.eenheid === '04' && t.omvang.frequentie === '2')
      ? ` (gemiddeld ${uren(perWeek)} uur per week)`
      : '';
  const product = t.productCode ?? t.productCategorie;
  return `${omvangInWoorden(t.omvang)}${average}${product ? `, ${product}` : ''}, van ${datum(t.ingangsdatum)}${t.einddatum ? ` tot en met ${datum(t.einddatum)}` : ''}`;
}

/** What the caseworker must act on: more support planned than allocated, an allocation running out. */
function warnings(check: TransitionOverview['ondersteuning']['toewijzing']): string[] {
  const o = check?.overschrijding;
  const einde = check?.eindigtBinnenkort;
  return [
    ...(o
      ? [
          `Vanaf ${datum(o.vanaf)} is ${uren(o.urenPerWeekGepland)} uur per week gepland, toegewezen is ${uren(o.urenPerWeekToegewezen)}: vraag een wijziging aan.`,
        ]
      : []),
    ...(einde
      ? [
          `De toewijzing ${check?.verlopen ? 'is geëindigd' : 'eindigt'} op ${datum(einde)}, terwijl de ondersteuning doorgaat: vraag op tijd een nieuwe aan.`,
        ]
      : []),
  ];
}

/** A select over an iWmo code list, showing code and label (the caseworker copies codes from the toewijzing). */
function CodeSelect<C extends string>(props: {
  id: string;
  label: string;
  codes: readonly C[];
  labels: Record<C, string>;
  value: C;
  onChange: (code: C) => void;
  error?: string | undefined;
}) {
  return (
    <FormField id={props.id} label={props.label} error={props.error}>
      <select
        id={props.id}
        class="utrecht-select utrecht-select--html-select"
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value as C)}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props.id, { error: props.error })}
      >
        <For each={props.codes}>{(code) => <option value={code}>{`${code} ${props.labels[code]}`}</option>}</For>
      </select>
    </FormField>
  );
}

/**
 * The municipality's iWmo allocation beside the planned support: what is allocated, a warning when the plan
 * asks for more or the allocation runs out, recording a new one, and a draft verzoek om wijziging to download
 * for the provider's iWmo system (Landing sends nothing).
 */
export function AllocationSection(props: {
  transition: Transition;
  overview: TransitionOverview;
  onChanged: (t: Transition) => void;
}) {
  const runner = createCommandRunner({ transition: () => props.transition, onChanged: props.onChanged });
  const drafting = createActionRunner(() => undefined);
  const check = () => props.overview.ondersteuning.toewijzing;
  const [form, setForm] = createStore({
    toewijzingNummer: '',
    productCategorie: '',
    productCode: '',
    ingangsdatum: '',
    einddatum: '',
    volume: '',
    eenheid: '04' as EenheidCode,
    frequentie: '2' as FrequentieCode,
  });
  const [vow, setVow] = createStore({
    redenVerzoek: '01' as RedenVerzoekCode,
    gewensteIngangsdatum: '',
    toelichting: '',
  });
  const gewensteIngangsdatum = () => vow.gewensteIngangsdatum || check()?.overschrijding?.vanaf || props.overview.today;
  const err = (name: string) => runner.fieldErrors()[name];

  const record = (event: SubmitEvent) => {
    event.preventDefault();
    void runner
      .run((expectedVersion) =>
        api.transitions.recordAllocation(props.transition.id, {
          toewijzingNummer: form.toewijzingNummer,
          ...(form.productCategorie ? { productCategorie: form.productCategorie } : {}),
          ...(form.productCode ? { productCode: form.productCode } : {}),
          ingangsdatum: form.ingangsdatum,
          ...(form.einddatum ? { einddatum: form.einddatum } : {}),
          // Sent as typed: the API answers what is wrong with it, in the field's own words.
          omvang: { volume: Number(form.volume), eenheid: form.eenheid, frequentie: form.frequentie },
          expectedVersion,
        }),
      )
      .then(
        (ok) =>
          ok &&
          setForm({
            toewijzingNummer: '',
            productCategorie: '',
            productCode: '',
            ingangsdatum: '',
            einddatum: '',
            volume: '',
          }),
      );
  };

  const download = (event: SubmitEvent) => {
    event.preventDefault();
    void drafting.act(async () => {
      const draft = await api.transitions.draftVow(props.transition.id, {
        redenVerzoek: vow.redenVerzoek,
        gewensteIngangsdatum: gewensteIngangsdatum(),
        ...(vow.toelichting.trim() ? { toelichting: vow.toelichting } : {}),
      });
      const json = new Blob([`${JSON.stringify(draft, null, 2)}\n`], { type: 'application/json' });
      saveFile(json, `verzoek-om-wijziging-${draft.Verzoek.ReferentieAanbieder}.json`);
    });
  };

  return (
    <section aria-labelledby="toewijzing-title">
      <h3 id="toewijzing-title" class="utrecht-heading-3">
        Toewijzing (iWmo)
      </h3>
      <p class="utrecht-paragraph">
        <Show when={props.transition.toewijzing} fallback="Nog geen toewijzing vastgelegd.">
          {(t) => (
            <>
              Toegewezen: <strong>{inWoorden(t())}</strong> (toewijzing {t().toewijzingNummer}).
            </>
          )}
        </Show>
      </p>
      <For each={warnings(check())}>
        {(warning) => (
          <div class="utrecht-alert utrecht-alert--warning" role="status">
            <p class="utrecht-paragraph">{warning}</p>
          </div>
        )}
      </For>
      <ProblemAlert message={runner.error()} />
      <details class="landing-details">
        <summary>{props.transition.toewijzing ? 'Nieuwe toewijzing vastleggen' : 'Toewijzing vastleggen'}</summary>
        <form class="utrecht-form landing-form" onSubmit={record}>
          <TextInput
            id="toewijzing-nummer"
            label="Toewijzingnummer"
            value={form.toewijzingNummer}
            onInput={(v) => setForm('toewijzingNummer', v)}
            error={err('toewijzingNummer')}
          />
          <TextInput
            id="toewijzing-categorie"
            label="Productcategorie (optioneel, bijvoorbeeld 02)"
            value={form.productCategorie}
            onInput={(v) => setForm('productCategorie', v)}
            error={err('productCategorie')}
          />
          <TextInput
            id="toewijzing-code"
            label="Productcode (optioneel, bijvoorbeeld 02A01)"
            value={form.productCode}
            onInput={(v) => setForm('productCode', v)}
            error={err('productCode')}
          />
          <TextInput
            id="toewijzing-ingang"
            label="Ingangsdatum"
            type="date"
            value={form.ingangsdatum}
            onInput={(v) => setForm('ingangsdatum', v)}
            error={err('ingangsdatum')}
          />
          <TextInput
            id="toewijzing-einde"
            label="Einddatum (optioneel)"
            type="date"
            value={form.einddatum}
            onInput={(v) => setForm('einddatum', v)}
            error={err('einddatum')}
          />
          <TextInput
            id="toewijzing-volume"
            label="Volume"
            type="number"
            inputmode="numeric"
            value={form.volume}
            onInput={(v) => setForm('volume', v)}
            error={err('omvang.volume')}
          />
          <CodeSelect
            id="toewijzing-eenheid"
            label="Eenheid"
            codes={eenheidCodes}
            labels={eenheidLabels}
            value={form.eenheid}
            onChange={(c) => setForm('eenheid', c)}
            error={err('omvang.eenheid')}
          />
          <CodeSelect
            id="toewijzing-frequentie"
            label="Frequentie"
            codes={frequentieCodes}
            labels={frequentieLabels}
            value={form.frequentie}
            onChange={(c) => setForm('frequentie', c)}
            error={err('omvang.frequentie')}
          />
          <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled={runner.busy()}>
            Toewijzing vastleggen
          </button>
        </form>
      </details>
      <Show when={props.transition.toewijzing}>
        <details class="landing-details">
          <summary>Verzoek om wijziging opstellen</summary>
          <p class="utrecht-paragraph">
            Landing stelt het verzoek op uit de geplande ondersteuning en verstuurt niets. Lees het bestand in het
            iWmo-systeem van de organisatie in; dat vult het BSN aan.
          </p>
          <ProblemAlert message={drafting.error()} />
          <form class="utrecht-form landing-form" onSubmit={download}>
            <CodeSelect
              id="vow-aanleiding"
              label="Aanleiding van het verzoek"
              codes={redenVerzoekCodes}
              labels={redenVerzoekLabels}
              value={vow.redenVerzoek}
              onChange={(c) => setVow('redenVerzoek', c)}
              error={drafting.fieldErrors().redenVerzoek}
            />
            <TextInput
              id="vow-ingang"
              label="Gewenste ingangsdatum"
              type="date"
              value={gewensteIngangsdatum()}
              onInput={(v) => setVow('gewensteIngangsdatum', v)}
              error={drafting.fieldErrors().gewensteIngangsdatum}
            />
            <TextInput
              id="vow-toelichting"
              label="Toelichting voor de gemeente (optioneel, zonder gezondheidsgegevens)"
              value={vow.toelichting}
              onInput={(v) => setVow('toelichting', v)}
              error={drafting.fieldErrors().toelichting}
            />
            <button type="submit" class="utrecht-button utrecht-button--secondary-action">
              Verzoek om wijziging downloaden (JSON)
            </button>
          </form>
        </details>
      </Show>
    </section>
  );
}
