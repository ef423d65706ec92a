import { Show } from 'solid-js';

/** A labelled input that shows its field message: the building block of the panels' small forms. */
export function TextInput(props: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  type?: 'text' | 'date' | 'number';
  error?: string | undefined;
  inputmode?: 'decimal' | 'numeric';
}) {
  return (
    <div class="utrecht-form-field" classList={{ 'utrecht-form-field--invalid': Boolean(props.error) }}>
      <label class="utrecht-form-label" for={props.id}>
        {props.label}
      </label>
      <Show when={props.error}>
        <div class="utrecht-form-field-error-message" id={`${props.id}-error`}>
          {props.error}
        </div>
      </Show>
      <input
        id={props.id}
        type={props.type ?? 'text'}
        inputmode={props.inputmode}
        class="utrecht-textbox utrecht-textbox--html-input"
        classList={{ 'utrecht-textbox--invalid': Boolean(props.error) }}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? `${props.id}-error` : undefined}
      />
    </div>
  );
}
