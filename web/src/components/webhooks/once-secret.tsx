import { createSignal, createUniqueId, onMount, type JSX } from 'solid-js';
import { Dynamic } from 'solid-js/web';

/**
 * A secret or key shown once, right after it was made: clearly marked, with a copy button (and, where the
 * clipboard is not available, the text selected to copy by hand). It takes focus, so keyboard and screen
 * reader users land on it. Nothing keeps the value: after "Verbergen" or a reload it is gone for good.
 */
export function OnceSecret(props: {
  title: string;
  /** "Bewaar dit secret nu: het wordt niet opnieuw getoond" */
  warning: string;
  value: string;
  /** Names the value for assistive technology: "Secret", "API-sleutel". */
  valueLabel: string;
  level: 3 | 4;
  onHide: () => void;
  children?: JSX.Element;
}) {
  const id = createUniqueId();
  const [copied, setCopied] = createSignal<string>();
  let box!: HTMLDivElement;
  let code!: HTMLElement;
  onMount(() => box.focus());

  const selectValue = () => {
    const range = document.createRange();
    range.selectNodeContents(code);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  };
  const copy = async () => {
    setCopied();
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(props.value);
      setCopied(`${props.valueLabel} gekopieerd naar het klembord.`);
    } catch {
      selectValue();
      setCopied('Kopiëren lukte niet vanzelf: de tekst is geselecteerd. Kopieer hem met Ctrl+C (of Cmd+C op een Mac).');
    }
  };

  return (
    <div ref={box} class="landing-once" role="region" aria-labelledby={`${id}-title`} tabindex="-1">
      <Dynamic component={`h${props.level}`} id={`${id}-title`} class={`utrecht-heading-${props.level}`}>
        {props.title}
      </Dynamic>
      <p class="utrecht-paragraph landing-once__warning">
        <strong>{props.warning}</strong>
      </p>
      <p class="utrecht-paragraph">
        <span class="landing-visually-hidden">{props.valueLabel}: </span>
        <code ref={code} class="utrecht-code landing-once__value" data-testid="once-value">
          {props.value}
        </code>
      </p>
      <div class="utrecht-button-group">
        <button type="button" class="utrecht-button utrecht-button--primary-action" onClick={() => void copy()}>
          {props.valueLabel} kopiëren
        </button>
        <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={() => props.onHide()}>
          Ik heb het bewaard: verbergen
        </button>
      </div>
      <p class="utrecht-paragraph landing-status" role="status">
        {copied() ?? ''}
      </p>
      {props.children}
    </div>
  );
}

/** How a corporation checks a notice: the headers, and where to read more. */
export function VerifyHelp(props: { level: 4 | 5 }) {
  return (
    <div class="landing-once__help">
      <Dynamic component={`h${props.level}`} class={`utrecht-heading-${props.level}`}>
        Zo controleert de corporatie een melding
      </Dynamic>
      <p class="utrecht-paragraph">
        Elke melding is ondertekend volgens{' '}
        <a class="utrecht-link" href="https://www.standardwebhooks.com/" target="_blank" rel="noopener noreferrer">
          Standard Webhooks (opent in een nieuw venster)
        </a>
        . Geef dit secret via een veilige weg aan de corporatie. Haar systeem:
      </p>
      <ul class="utrecht-unordered-list">
        <li class="utrecht-unordered-list__item">
          controleert met het secret de handtekening in de header <code>webhook-signature</code>, over{' '}
          <code>webhook-id</code>, <code>webhook-timestamp</code> en de inhoud;
        </li>
        <li class="utrecht-unordered-list__item">
          weigert een melding waarvan <code>webhook-timestamp</code> meer dan een paar minuten afwijkt;
        </li>
        <li class="utrecht-unordered-list__item">
          verwerkt elke <code>webhook-id</code> één keer (een nieuwe poging is geen nieuwe melding) en antwoordt met een
          2xx-status.
        </li>
      </ul>
      <p class="utrecht-paragraph landing-muted">
        Meer staat in de handleiding voor corporaties bij Landing (WEBHOOKS.md).
      </p>
    </div>
  );
}
