import { createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import {
  isInNetwerk,
  netwerkBandLabels,
  netwerkBanden,
  netwerkRelatieLabels,
  netwerkRelaties,
  netwerkSoortLabels,
  netwerkSoorten,
  standaardSoort,
  type NetwerkBand,
  type NetwerkLid,
  type NetwerkRelatie,
  type NetwerkSoort,
} from '../../../../shared/domain/herstel/netwerk';
import { api } from '../../api/client';
import { aantal, datum } from '../../format';
import { createActionRunner } from '../action-runner';
import { FormFieldset } from '../form-field';
import { ProblemAlert } from '../problem-alert';
import { TextInput } from '../transition/text-input';
import type { HerstelPartProps } from './herstel-section';

/** The tie as a symbol and a line style, never by colour alone. */
const bandSymbool: Record<NetwerkBand, string> = { steunend: '✓', overbelast: '!', belastend: '✕' };
const bandStreep: Record<NetwerkBand, string | undefined> = {
  steunend: undefined,
  overbelast: '8 5',
  belastend: '2 4',
};
const bandKleur: Record<NetwerkBand, string> = { steunend: '#1b6e3a', overbelast: '#8a5a00', belastend: '#a4262c' };

const CENTER = 200;
/** The outer edge of each ring, eigen kracht innermost: "De opbouw [...] gebeurt van binnen naar buiten." */
const ringRadius: Record<NetwerkSoort, number> = {
  'eigen-kracht': 72,
  'natuurlijk-netwerk': 114,
  'algemene-voorziening': 156,
  professioneel: 198,
};
const PERSON_RADIUS = 30;
const TOP_GAP = 1.1;

const kort = (naam: string) => (naam.length > 14 ? `${naam.slice(0, 13)}…` : naam);

interface Punt {
  lid: NetwerkLid;
  x: number;
  y: number;
}

/** Members spread evenly around the middle of their ring, each ring turned a little so names do not line up. */
function layout(leden: readonly NetwerkLid[]): Punt[] {
  return netwerkSoorten.flatMap((soort, ring) => {
    const inRing = leden.filter((l) => l.soort === soort);
    const outer = ringRadius[soort];
    const inner = ring === 0 ? PERSON_RADIUS : ringRadius[netwerkSoorten[ring - 1]!];
    const r = (outer + inner) / 2;
    // The top of each ring holds its label: members go around the rest, each ring shifted a little.
    return inRing.map((lid, i) => {
      const share = (i + 0.5 + ring * 0.3) / inRing.length;
      const angle = -Math.PI / 2 + TOP_GAP / 2 + (2 * Math.PI - TOP_GAP) * (share % 1);
      return { lid, x: CENTER + r * Math.cos(angle), y: CENTER + r * Math.sin(angle) };
    });
  });
}

/** The picture a person would draw: themselves in the middle, the four rings around, a line to each member. */
function NetwerkTekening(props: { voornaam: string; leden: readonly NetwerkLid[] }) {
  const punten = () => layout(props.leden);
  return (
    <svg
      class="landing-netwerk-tekening"
      viewBox="-24 -24 448 460"
      role="img"
      aria-labelledby="netwerk-tekening-titel"
      data-testid="netwerk-tekening"
    >
      <title id="netwerk-tekening-titel">
        {`Tekening van het steunsysteem van ${props.voornaam}: ${aantal(props.leden.length, 'mens of organisatie', 'mensen en organisaties')} in vier kringen. De lijst hieronder zegt hetzelfde.`}
      </title>
      <defs>
        <marker id="netwerk-belastend" viewBox="0 0 10 10" refX="5" refY="5" markerWidth="8" markerHeight="8">
          <path d="M1 1 L9 9 M9 1 L1 9" stroke={bandKleur.belastend} stroke-width="2" />
        </marker>
      </defs>
      <For each={[...netwerkSoorten].reverse()}>
        {(soort) => (
          <>
            <circle
              cx={CENTER}
              cy={CENTER}
              r={ringRadius[soort]}
              fill={soort === 'eigen-kracht' ? '#eef4fb' : 'none'}
              stroke="#8c8c8c"
              stroke-width="1"
            />
            <text x={CENTER} y={CENTER - ringRadius[soort] + 13} text-anchor="middle" font-size="13" fill="#404040">
              {netwerkSoortLabels[soort]}
            </text>
          </>
        )}
      </For>
      <For each={punten()}>
        {(p) => {
          const dx = p.x - CENTER;
          const dy = p.y - CENTER;
          const d = Math.hypot(dx, dy) || 1;
          const fromX = CENTER + (dx / d) * PERSON_RADIUS;
          const fromY = CENTER + (dy / d) * PERSON_RADIUS;
          return (
            <polyline
              points={`${fromX},${fromY} ${(fromX + p.x) / 2},${(fromY + p.y) / 2} ${p.x},${p.y}`}
              fill="none"
              stroke={bandKleur[p.lid.band]}
              stroke-width="2"
              stroke-dasharray={bandStreep[p.lid.band]}
              marker-mid={p.lid.band === 'belastend' ? 'url(#netwerk-belastend)' : undefined}
            />
          );
        }}
      </For>
      <circle cx={CENTER} cy={CENTER} r={PERSON_RADIUS} fill="#0b3d74" />
      <text x={CENTER} y={CENTER + 5} text-anchor="middle" font-size="13" font-weight="700" fill="#fff">
        {kort(props.voornaam)}
      </text>
      <For each={punten()}>
        {(p) => (
          <g data-lid={p.lid.id}>
            <circle cx={p.x} cy={p.y} r="7" fill="#fff" stroke={bandKleur[p.lid.band]} stroke-width="2.5" />
            <text x={p.x} y={p.y + 4} text-anchor="middle" font-size="9" font-weight="700" fill="#000">
              {bandSymbool[p.lid.band]}
            </text>
            <text
              x={p.x}
              y={p.y + 22}
              text-anchor="middle"
              font-size="14"
              fill="#000"
              stroke="#fff"
              stroke-width="3"
              paint-order="stroke"
            >
              {kort(p.lid.naam)}
            </text>
          </g>
        )}
      </For>
    </svg>
  );
}

function Legenda() {
  return (
    <ul class="landing-netwerk-legenda" aria-label="Legenda bij de tekening">
      <For each={netwerkBanden}>
        {(band) => (
          <li>
            <svg viewBox="0 0 40 12" width="40" height="12" aria-hidden="true">
              <line
                x1="2"
                y1="6"
                x2="38"
                y2="6"
                stroke={bandKleur[band]}
                stroke-width="2"
                stroke-dasharray={bandStreep[band]}
              />
            </svg>{' '}
            <span aria-hidden="true">{bandSymbool[band]}</span> {netwerkBandLabels[band]}
            {band === 'steunend'
              ? ' (doorgetrokken lijn)'
              : band === 'overbelast'
                ? ' (streepjes)'
                : ' (stippels, kruisje)'}
          </li>
        )}
      </For>
    </ul>
  );
}

const emptyForm = () => ({
  naam: '',
  relatie: 'familie' as NetwerkRelatie,
  soort: '' as NetwerkSoort | '',
  band: 'steunend' as NetwerkBand,
  toestemmingBereikbaar: false,
  bereikbaar: '',
  watDoetHij: '',
  sinds: '',
  partnerId: '',
});

/**
 * Het persoonlijk steunsysteem: the people and organisations around the person, drawn as the person would draw
 * them and, right below, the same as a list by ring (for screen readers and phones). The duo adds, changes and
 * ends members with the person; how to reach someone is kept only with the person's consent.
 */
export function NetwerkPanel(props: HerstelPartProps) {
  const { act, error, fieldErrors, done } = createActionRunner(() => props.onChanged());
  const [form, setForm] = createStore(emptyForm());
  const [editing, setEditing] = createSignal<NetwerkLid>();
  const [open, setOpen] = createSignal(false);
  const leden = () => props.herstel.netwerk;
  const nu = () => leden().filter((l) => isInNetwerk(l));
  const weg = () => leden().filter((l) => !isInNetwerk(l));
  const voornaam = () => props.transition.persoon.voornaam;
  const id = () => props.transition.id;
  // A member linked to a partner no longer on the wijk's kaart keeps it, as it was named then.
  const partners = () => {
    const huidig = editing()?.partner;
    return huidig && !props.wijkPartners.some((p) => p.partnerId === huidig.partnerId)
      ? [huidig, ...props.wijkPartners]
      : props.wijkPartners;
  };

  const startEdit = (lid: NetwerkLid) => {
    setEditing(lid);
    setForm({
      naam: lid.naam,
      relatie: lid.relatie,
      soort: lid.soort,
      band: lid.band,
      toestemmingBereikbaar: lid.toestemmingBereikbaar,
      bereikbaar: lid.bereikbaar ?? '',
      watDoetHij: lid.watDoetHij ?? '',
      sinds: lid.sinds,
      partnerId: lid.partner?.partnerId ?? '',
    });
    setOpen(true);
    queueMicrotask(() => document.getElementById('netwerk-naam')?.focus());
  };
  const reset = () => {
    setEditing(undefined);
    setForm(emptyForm());
  };

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const partner = partners().find((p) => p.partnerId === form.partnerId);
    const body = {
      naam: form.naam,
      relatie: form.relatie,
      ...(form.soort ? { soort: form.soort } : {}),
      band: form.band,
      toestemmingBereikbaar: form.toestemmingBereikbaar,
      ...(form.toestemmingBereikbaar && form.bereikbaar ? { bereikbaar: form.bereikbaar } : {}),
      ...(form.watDoetHij ? { watDoetHij: form.watDoetHij } : {}),
      ...(form.sinds ? { sinds: form.sinds } : {}),
      ...(partner ? { partner } : {}),
    };
    const lid = editing();
    const naam = form.naam;
    void act(
      () =>
        lid
          ? api.herstel.netwerk.change(id(), lid.id, { ...body, versie: lid.versie })
          : api.herstel.netwerk.add(id(), body),
      lid ? `De gegevens van ${naam} zijn bijgewerkt.` : `${naam} is toegevoegd aan het steunsysteem.`,
    ).then((ok) => ok && reset());
  };
  const end = (lid: NetwerkLid) =>
    void act(
      () => api.herstel.netwerk.end(id(), lid.id, { versie: lid.versie }),
      `${lid.naam} staat nu als niet meer in het netwerk; in de geschiedenis blijft ${lid.naam} zichtbaar.`,
    );

  return (
    <section class="landing-netwerk" aria-labelledby="netwerk-title">
      <h3 id="netwerk-title" class="utrecht-heading-3">
        Steunsysteem
      </h3>
      <p class="utrecht-paragraph">
        Wie er om {voornaam()} heen staan, van binnen naar buiten: eigen kracht, het natuurlijk netwerk, algemene
        voorzieningen en professionele ondersteuning.
      </p>
      <ProblemAlert message={error()} />
      <Show when={done()}>
        <p class="utrecht-paragraph" role="status">
          {done()}
        </p>
      </Show>
      <NetwerkTekening voornaam={voornaam()} leden={nu()} />
      <Legenda />
      <h4 class="utrecht-heading-4">Het steunsysteem als lijst</h4>
      <For each={netwerkSoorten}>
        {(soort) => (
          <>
            <h5 class="utrecht-heading-5" id={`netwerk-kring-${soort}`}>
              {netwerkSoortLabels[soort]}
            </h5>
            <ul class="utrecht-unordered-list landing-netwerk-lijst" aria-labelledby={`netwerk-kring-${soort}`}>
              <For
                each={nu().filter((l) => l.soort === soort)}
                fallback={<li class="utrecht-unordered-list__item">Niemand in deze kring.</li>}
              >
                {(lid) => (
                  <li class="utrecht-unordered-list__item" data-lid={lid.id}>
                    <strong>{lid.naam}</strong> — {netwerkRelatieLabels[lid.relatie]},{' '}
                    <span aria-hidden="true">{bandSymbool[lid.band]} </span>
                    {netwerkBandLabels[lid.band].toLowerCase()}
                    {lid.watDoetHij ? `. ${lid.watDoetHij}` : ''}. Sinds {datum(lid.sinds)}.
                    <Show when={lid.partner}>{(p) => ` Via ${p().naam}.`}</Show>
                    <Show when={lid.bereikbaar}>{(b) => ` Bereikbaar: ${b()}.`}</Show>
                    <Show when={!props.readOnly}>
                      <span class="utrecht-button-group landing-netwerk-acties">
                        <button
                          type="button"
                          class="utrecht-button utrecht-button--subtle"
                          onClick={() => startEdit(lid)}
                        >
                          Wijzigen<span class="landing-visually-hidden"> ({lid.naam})</span>
                        </button>
                        <button type="button" class="utrecht-button utrecht-button--subtle" onClick={() => end(lid)}>
                          Niet meer in het netwerk<span class="landing-visually-hidden"> ({lid.naam})</span>
                        </button>
                      </span>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </>
        )}
      </For>
      <Show when={weg().length}>
        <h5 class="utrecht-heading-5" id="netwerk-weg">
          Niet meer in het netwerk
        </h5>
        <ul class="utrecht-unordered-list" aria-labelledby="netwerk-weg">
          <For each={weg()}>
            {(lid) => (
              <li class="utrecht-unordered-list__item">
                {lid.naam} — {netwerkRelatieLabels[lid.relatie]}, van {datum(lid.sinds)} tot {datum(lid.nietMeerOp!)}
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={!props.readOnly}>
        <details class="landing-details" open={open()} onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary>{editing() ? `${editing()!.naam} wijzigen` : 'Iemand toevoegen aan het steunsysteem'}</summary>
          <form class="utrecht-form landing-form" onSubmit={submit}>
            <TextInput
              id="netwerk-naam"
              label="Naam, of alleen de rol (bijvoorbeeld buurman)"
              value={form.naam}
              onInput={(v) => setForm('naam', v)}
              error={fieldErrors().naam}
            />
            <div class="utrecht-form-field utrecht-form-field--distanced">
              <label class="utrecht-form-label" for="netwerk-relatie">
                Relatie
              </label>
              <select
                id="netwerk-relatie"
                class="utrecht-select utrecht-select--html-select"
                value={form.relatie}
                onChange={(e) => setForm('relatie', e.currentTarget.value as NetwerkRelatie)}
              >
                <For each={netwerkRelaties}>{(r) => <option value={r}>{netwerkRelatieLabels[r]}</option>}</For>
              </select>
            </div>
            <div class="utrecht-form-field utrecht-form-field--distanced">
              <label class="utrecht-form-label" for="netwerk-soort">
                Kring
              </label>
              <select
                id="netwerk-soort"
                class="utrecht-select utrecht-select--html-select"
                value={form.soort}
                onChange={(e) => setForm('soort', e.currentTarget.value as NetwerkSoort | '')}
              >
                <option value="">Gebruikelijk: {netwerkSoortLabels[standaardSoort[form.relatie]].toLowerCase()}</option>
                <For each={netwerkSoorten}>{(s) => <option value={s}>{netwerkSoortLabels[s]}</option>}</For>
              </select>
            </div>
            <FormFieldset id="netwerk-band" legend="Hoe is de band?" error={fieldErrors().band}>
              <For each={netwerkBanden}>
                {(band) => (
                  <div class="utrecht-form-field utrecht-form-field--radio">
                    <input
                      id={`netwerk-band-${band}`}
                      type="radio"
                      name="netwerk-band"
                      class="utrecht-radio-button utrecht-radio-button--html-input"
                      checked={form.band === band}
                      onChange={() => setForm('band', band)}
                    />
                    <label class="utrecht-form-label utrecht-form-label--radio" for={`netwerk-band-${band}`}>
                      {netwerkBandLabels[band]}
                    </label>
                  </div>
                )}
              </For>
            </FormFieldset>
            <Show when={partners().length > 0}>
              <div class="utrecht-form-field utrecht-form-field--distanced">
                <label class="utrecht-form-label" for="netwerk-partner">
                  Via een partner in de wijk (optioneel)
                </label>
                <select
                  id="netwerk-partner"
                  class="utrecht-select utrecht-select--html-select"
                  value={form.partnerId}
                  onChange={(e) => setForm('partnerId', e.currentTarget.value)}
                >
                  <option value="">Geen partner uit de sociale kaart</option>
                  <For each={partners()}>{(p) => <option value={p.partnerId}>{p.naam}</option>}</For>
                </select>
              </div>
            </Show>
            <TextInput
              id="netwerk-wat"
              label="Wat doet deze persoon voor de deelnemer? (kort, optioneel)"
              value={form.watDoetHij}
              onInput={(v) => setForm('watDoetHij', v)}
              error={fieldErrors().watDoetHij}
            />
            <TextInput
              id="netwerk-sinds"
              label="Sinds (optioneel, anders vandaag)"
              type="date"
              value={form.sinds}
              onInput={(v) => setForm('sinds', v)}
              error={fieldErrors().sinds}
            />
            <div class="utrecht-form-field utrecht-form-field--checkbox">
              <input
                id="netwerk-toestemming"
                type="checkbox"
                class="utrecht-checkbox utrecht-checkbox--html-input"
                checked={form.toestemmingBereikbaar}
                onChange={(e) => {
                  setForm('toestemmingBereikbaar', e.currentTarget.checked);
                  if (!e.currentTarget.checked) setForm('bereikbaar', '');
                }}
              />
              <label class="utrecht-form-label utrecht-form-label--checkbox" for="netwerk-toestemming">
                {voornaam()} stemt ermee in dat we bewaren hoe deze persoon te bereiken is
              </label>
            </div>
            <div
              class="utrecht-form-field utrecht-form-field--distanced"
              classList={{ 'utrecht-form-field--invalid': Boolean(fieldErrors().bereikbaar) }}
            >
              <label class="utrecht-form-label" for="netwerk-bereikbaar">
                Bereikbaar via (telefoon of e-mail)
              </label>
              <Show when={fieldErrors().bereikbaar}>
                <div class="utrecht-form-field-error-message" id="netwerk-bereikbaar-error">
                  {fieldErrors().bereikbaar}
                </div>
              </Show>
              <input
                id="netwerk-bereikbaar"
                type="text"
                class="utrecht-textbox utrecht-textbox--html-input"
                disabled={!form.toestemmingBereikbaar}
                value={form.bereikbaar}
                onInput={(e) => setForm('bereikbaar', e.currentTarget.value)}
                aria-describedby={fieldErrors().bereikbaar ? 'netwerk-bereikbaar-error' : undefined}
              />
            </div>
            <div class="utrecht-button-group">
              <button type="submit" class="utrecht-button utrecht-button--primary-action">
                {editing() ? 'Wijziging opslaan' : 'Toevoegen'}
              </button>
              <Show when={editing()}>
                <button type="button" class="utrecht-button utrecht-button--subtle" onClick={reset}>
                  Annuleren
                </button>
              </Show>
            </div>
          </form>
        </details>
      </Show>
    </section>
  );
}
