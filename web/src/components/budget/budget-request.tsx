import { createConfirm } from '../confirm-dialog';
import { createSignal, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { BudgetRequest } from '../../../../shared/domain/regelbudget/regelbudget-schemas';
import { api, retryKey } from '../../api/client';
import { datum } from '../../format';
import { centsToEuro, euroToCents } from '../transition/command-runner';
import { TextInput } from '../transition/text-input';

type Act = (action: () => Promise<unknown>, doneMessage?: string) => Promise<boolean>;
interface RequestProps {
  transitionId: string;
  persoon: string;
  aanvraag: BudgetRequest | undefined;
  act: Act;
  fail: (fields: Record<string, string>) => void;
  fieldErrors: () => Record<string, string>;
}

/** An amount as a Dutch form shows it: "1.500,00". */
const euroInput = (cents: number) =>
  new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(cents / 100);
const badAmount = 'Vul een bedrag in als 1.500,00: euro met hooguit twee decimalen.';

/** What was asked, in one sentence. */
function Asked(props: { aanvraag: BudgetRequest }) {
  return (
    <>
      {centsToEuro(props.aanvraag.bedragCent)} aangevraagd door {props.aanvraag.aangevraagdDoor.naam} op{' '}
      {datum(props.aanvraag.aangevraagdOp)}, geldig van {datum(props.aanvraag.geldigVan)} tot en met{' '}
      {datum(props.aanvraag.geldigTot)}: {props.aanvraag.reden}
    </>
  );
}

/**
 * A transition without a regelbudget, as a caseworker sees it: request one, see that it waits, or see why it was
 * refused and ask again.
 */
export function BudgetRequestForCaseworker(props: RequestProps) {
  const [form, setForm] = createStore({ bedrag: '', reden: '', geldigVan: '', geldigTot: '' });
  const keyed = retryKey();
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const bedragCent = euroToCents(form.bedrag);
    if (form.bedrag && bedragCent === undefined) return props.fail({ bedragCent: badAmount });
    const body = {
      bedragCent: bedragCent ?? Number.NaN,
      reden: form.reden,
      geldigVan: form.geldigVan,
      geldigTot: form.geldigTot,
    };
    const sent = await props.act(
      () => keyed((key) => api.budget.request(props.transitionId, body, key)),
      'Het regelbudget is aangevraagd. De budgethouder van de gemeente beslist; u ziet het besluit hier.',
    );
    if (sent) setForm({ bedrag: '', reden: '', geldigVan: '', geldigTot: '' });
  };
  const open = () => props.aanvraag?.status === 'aangevraagd';
  return (
    <>
      <Show when={props.aanvraag?.status === 'afgewezen' ? props.aanvraag : undefined}>
        {(a) => (
          <div class="utrecht-alert utrecht-alert--warning" role="status">
            <p class="utrecht-paragraph">
              De aanvraag van {centsToEuro(a().bedragCent)} is afgewezen door {a().besluit?.door.naam}
              {a().besluit ? ` op ${datum(a().besluit?.op ?? '')}` : ''}: {a().besluit?.reden}
            </p>
          </div>
        )}
      </Show>
      <Show
        when={!open()}
        fallback={
          <p class="utrecht-paragraph">
            Nog geen regelbudget. <Show when={props.aanvraag}>{(a) => <Asked aanvraag={a()} />}</Show>. De budgethouder
            van de gemeente beslist.
          </p>
        }
      >
        <p class="utrecht-paragraph">Nog geen regelbudget. Vraag het aan bij de budgethouder van de gemeente.</p>
        <form class="utrecht-form landing-form" aria-label="Regelbudget aanvragen" onSubmit={(e) => void submit(e)}>
          <TextInput
            id="aanvraag-bedrag"
            label="Bedrag (euro, bijvoorbeeld 1.500,00)"
            inputmode="decimal"
            value={form.bedrag}
            onInput={(x) => setForm('bedrag', x)}
            error={props.fieldErrors().bedragCent}
          />
          <TextInput
            id="aanvraag-reden"
            label="Waarvoor (in gewone woorden)"
            value={form.reden}
            onInput={(x) => setForm('reden', x)}
            error={props.fieldErrors().reden}
          />
          <TextInput
            id="aanvraag-van"
            label="Geldig van"
            type="date"
            value={form.geldigVan}
            onInput={(x) => setForm('geldigVan', x)}
            error={props.fieldErrors().geldigVan}
          />
          <TextInput
            id="aanvraag-tot"
            label="Geldig tot en met"
            type="date"
            value={form.geldigTot}
            onInput={(x) => setForm('geldigTot', x)}
            error={props.fieldErrors().geldigTot}
          />
          <button type="submit" class="utrecht-button utrecht-button--primary-action">
            Regelbudget aanvragen
          </button>
        </form>
      </Show>
    </>
  );
}

/** An open request as the budget holder sees it: grant it (the amount may change) or refuse it with a reason. */
export function BudgetRequestForBudgetHolder(props: RequestProps & { aanvraag: BudgetRequest }) {
  const [bedrag, setBedrag] = createSignal(euroInput(props.aanvraag.bedragCent));
  const [reden, setReden] = createSignal('');
  const confirm = createConfirm();
  const grant = async (event: SubmitEvent) => {
    event.preventDefault();
    const toegekendCent = euroToCents(bedrag());
    if (toegekendCent === undefined) return props.fail({ toegekendCent: badAmount });
    // Money moves: ask first, naming the person and the amount.
    const asked = await confirm.ask({
      title: `Regelbudget voor ${props.persoon} toekennen?`,
      lines: [
        `${centsToEuro(toegekendCent)} wordt het regelbudget van ${props.persoon}; de begeleider kan het daarna uitgeven.`,
      ],
      confirm: 'Regelbudget toekennen',
    });
    if (!asked) return;
    void props.act(
      () => api.budget.decideRequest(props.transitionId, { besluit: 'toegekend', toegekendCent }),
      `Regelbudget van ${centsToEuro(toegekendCent)} toegekend. De begeleider ziet het besluit.`,
    );
  };
  const refuse = async () => {
    const asked = await confirm.ask({
      title: `Aanvraag voor ${props.persoon} afwijzen?`,
      lines: ['De begeleider ziet de afwijzing met de reden en kan opnieuw aanvragen.'],
      confirm: 'Aanvraag afwijzen',
    });
    if (!asked) return;
    void props.act(
      () => api.budget.decideRequest(props.transitionId, { besluit: 'afgewezen', reden: reden() }),
      'De aanvraag is afgewezen. De begeleider ziet de reden.',
    );
  };
  return (
    <>
      <p class="utrecht-paragraph">
        Aanvraag voor {props.persoon}: <Asked aanvraag={props.aanvraag} />.
      </p>
      <confirm.Dialog />
      <form class="utrecht-form landing-form" aria-label="Aanvraag beoordelen" onSubmit={(e) => void grant(e)}>
        <TextInput
          id="toekennen-bedrag"
          label="Toe te kennen bedrag (euro)"
          inputmode="decimal"
          value={bedrag()}
          onInput={setBedrag}
          error={props.fieldErrors().toegekendCent}
        />
        <button type="submit" class="utrecht-button utrecht-button--primary-action">
          Regelbudget toekennen
        </button>
        <TextInput
          id="aanvraag-afwijs-reden"
          label="Reden bij afwijzen"
          value={reden()}
          onInput={setReden}
          error={props.fieldErrors().reden}
        />
        <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={() => void refuse()}>
          Aanvraag afwijzen
        </button>
      </form>
    </>
  );
}
