import { createEffect, createSignal } from 'solid-js';
import { datumInVeld, leesDatum } from '../../format';
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
  /** What a phone's enter key says (and does: `send` submits the form). */
  enterkeyhint?: 'send' | 'next' | 'done';
  /** `off` for what is written about someone else: the browser would offer it again elsewhere. */
  autocomplete?: 'off';
}) {
  if (props.type === 'date') return <DateInput {...props} />;
  return (
    <FormField id={props.id} label={props.label} error={props.error}>
      <input
        id={props.id}
        type={props.type ?? 'text'}
        inputmode={props.inputmode}
        list={props.list}
        enterkeyhint={props.enterkeyhint}
        autocomplete={props.autocomplete}
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

/** "Sinds" → "Sinds (dd-mm-jjjj)"; "Einddatum (optioneel)" → "Einddatum (dd-mm-jjjj; optioneel)". */
function metVorm(label: string): string {
  return label.endsWith(')') ? label.replace(/\(([^()]*)\)$/, '(dd-mm-jjjj; $1)') : `${label} (dd-mm-jjjj)`;
}

/**
 * A date typed as people write it (1-3-2027, 01-03-2027, 1 maart 2027): a text field, since a browser's own date
 * field takes only its locale's one form and no words. The form gets the ISO date once the text is a real date;
 * until then the text itself, which the API refuses in Dutch.
 */
function DateInput(props: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  error?: string | undefined;
}) {
  const [text, setText] = createSignal(datumInVeld(props.value));
  let given = props.value;
  // A form that resets or fills its own value shows it; what the user types is left alone.
  createEffect(() => {
    if (props.value !== given) {
      given = props.value;
      setText(datumInVeld(props.value));
    }
  });
  const [left, setLeft] = createSignal(false);
  // The API's own words ask for jjjj-mm-dd (what its clients send); here the field asks for what it takes.
  const unreadable = () => text().trim() !== '' && leesDatum(text()) === undefined;
  const error = () =>
    unreadable() && (left() || props.error) ? 'Vul een datum in als dd-mm-jjjj, bijvoorbeeld 1-3-2027.' : props.error;
  const typed = (value: string) => {
    setLeft(false);
    setText(value);
    given = value.trim() === '' ? '' : (leesDatum(value) ?? value);
    props.onInput(given);
  };
  return (
    <FormField id={props.id} label={metVorm(props.label)} error={error()}>
      <input
        id={props.id}
        type="text"
        autocomplete="off"
        class="utrecht-textbox utrecht-textbox--html-input landing-datum-veld"
        classList={{ 'utrecht-textbox--invalid': Boolean(error()) }}
        value={text()}
        onInput={(e) => typed(e.currentTarget.value)}
        onBlur={() => {
          setLeft(true);
          const iso = leesDatum(text());
          if (iso) setText(datumInVeld(iso));
        }}
        aria-invalid={error() ? 'true' : undefined}
        aria-describedby={describedBy(props.id, { error: error() })}
      />
    </FormField>
  );
}
