import { Show, type JSX } from 'solid-js';

/** A labelled field with its description and error, wired for assistive technology. */
export function FormField(props: {
  id: string;
  label: string;
  error?: string | undefined;
  description?: string;
  children: JSX.Element;
}) {
  return (
    <div
      class="utrecht-form-field utrecht-form-field--distanced"
      classList={{ 'utrecht-form-field--invalid': Boolean(props.error) }}
    >
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={props.id}>
          {props.label}
        </label>
      </div>
      <Show when={props.description}>
        <div
          class="utrecht-form-field-description utrecht-form-field__description--before"
          id={`${props.id}-description`}
        >
          {props.description}
        </div>
      </Show>
      <Show when={props.error}>
        <div class="utrecht-form-field-error-message utrecht-form-field__error-message" id={`${props.id}-error`}>
          {props.error}
        </div>
      </Show>
      <div class="utrecht-form-field__input">{props.children}</div>
    </div>
  );
}

/** aria-describedby for a field: its description and error, when present. */
export function describedBy(
  id: string,
  options: { description?: boolean; error?: string | undefined },
): string | undefined {
  const ids = [options.description ? `${id}-description` : '', options.error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** A fieldset (radio buttons, checkboxes) with its legend and error. */
export function FormFieldset(props: {
  id: string;
  legend: string;
  error?: string | undefined;
  description?: string;
  children: JSX.Element;
}) {
  return (
    <fieldset
      class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset utrecht-form-fieldset--distanced"
      classList={{ 'utrecht-form-fieldset--invalid': Boolean(props.error) }}
      aria-describedby={describedBy(props.id, { description: Boolean(props.description), error: props.error })}
      aria-invalid={props.error ? 'true' : undefined}
    >
      <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{props.legend}</legend>
      <Show when={props.description}>
        <div class="utrecht-form-field-description" id={`${props.id}-description`}>
          {props.description}
        </div>
      </Show>
      <Show when={props.error}>
        <div class="utrecht-form-field-error-message" id={`${props.id}-error`}>
          {props.error}
        </div>
      </Show>
      {props.children}
    </fieldset>
  );
}
