import { For } from 'solid-js';
import { modaliteitLabels, modaliteiten, type Modaliteit } from '../../../../shared/domain/support';

/** The forms of support (at home, at a distance, 24/7, logeerplek) as checkboxes, for every form that sets a level. */
export function ModaliteitenFieldset(props: { idPrefix: string; legend: string; value: readonly Modaliteit[]; onChange: (value: Modaliteit[]) => void }) {
  const toggle = (m: Modaliteit, checked: boolean) => props.onChange(checked ? [...props.value, m] : props.value.filter((x) => x !== m));
  return (
    <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
      <legend class="utrecht-form-fieldset__legend">{props.legend}</legend>
      <For each={modaliteiten}>
        {(m) => (
          <div class="utrecht-form-field utrecht-form-field--checkbox">
            <input
              id={`${props.idPrefix}-${m}`}
              type="checkbox"
              class="utrecht-checkbox utrecht-checkbox--html-input"
              checked={props.value.includes(m)}
              onChange={(e) => toggle(m, e.currentTarget.checked)}
            />
            <label class="utrecht-form-label utrecht-form-label--checkbox" for={`${props.idPrefix}-${m}`}>
              {modaliteitLabels[m]}
            </label>
          </div>
        )}
      </For>
    </fieldset>
  );
}
