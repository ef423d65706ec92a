import { For } from 'solid-js';
import { FormFieldset } from './form-field';

/**
 * A choice of several values as labelled checkboxes in a fieldset (the forms of support, the kinds of notice).
 * The value keeps the options' order, whatever order they were ticked in.
 */
export function CheckboxFieldset<T extends string>(props: {
  idPrefix: string;
  legend: string;
  options: readonly T[];
  labels: Record<T, string>;
  value: readonly T[];
  onChange: (value: T[]) => void;
  error?: string | undefined;
}) {
  const toggle = (option: T, checked: boolean) => {
    const next = new Set(props.value);
    if (checked) next.add(option);
    else next.delete(option);
    props.onChange(props.options.filter((o) => next.has(o)));
  };
  return (
    <FormFieldset id={`${props.idPrefix}-keuze`} legend={props.legend} error={props.error}>
      <For each={props.options}>
        {(option) => (
          <div class="utrecht-form-field utrecht-form-field--checkbox">
            <input
              id={`${props.idPrefix}-${option}`}
              type="checkbox"
              class="utrecht-checkbox utrecht-checkbox--html-input"
              checked={props.value.includes(option)}
              onChange={(e) => toggle(option, e.currentTarget.checked)}
            />
            <label class="utrecht-form-label utrecht-form-label--checkbox" for={`${props.idPrefix}-${option}`}>
              {props.labels[option]}
            </label>
          </div>
        )}
      </For>
    </FormFieldset>
  );
}
