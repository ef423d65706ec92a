import { describedBy, FormField } from '../form-field';

/** A labelled input that shows its field message: the building block of the panels' small forms. */
export function TextInput(props: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  type?: 'text' | 'date' | 'number';
  error?: string | undefined;
  inputmode?: 'decimal' | 'numeric';
  /** The id of a <datalist> of suggestions (free text stays allowed). */
  list?: string;
}) {
  return (
    <FormField id={props.id} label={props.label} error={props.error}>
      <input
        id={props.id}
        type={props.type ?? 'text'}
        inputmode={props.inputmode}
        list={props.list}
        class="utrecht-textbox utrecht-textbox--html-input"
        classList={{ 'utrecht-textbox--invalid': Boolean(props.error) }}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props.id, { error: props.error })}
      />
    </FormField>
  );
}
