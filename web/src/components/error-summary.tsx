import { For, onMount } from 'solid-js';

export interface SummaryItem {
  fieldId: string;
  message: string;
}

/** The errors of a form at the top, each a link to its field; it takes focus so it is read first. */
export function ErrorSummary(props: { items: SummaryItem[] }) {
  let region!: HTMLDivElement;
  onMount(() => region.focus());
  return (
    <div
      ref={region}
      class="utrecht-alert utrecht-alert--error landing-error-summary"
      role="alert"
      tabindex="-1"
      aria-labelledby="error-summary-title"
    >
      <div class="utrecht-alert__content">
        <h2 id="error-summary-title" class="utrecht-heading-2">
          Controleer de aanmelding
        </h2>
        <ul class="utrecht-unordered-list">
          <For each={props.items}>
            {(item) => (
              <li class="utrecht-unordered-list__item">
                <a
                  class="utrecht-link utrecht-link--html-a"
                  href={`#${item.fieldId}`}
                  onClick={(event) => {
                    event.preventDefault();
                    document.getElementById(item.fieldId)?.focus();
                  }}
                >
                  {item.message}
                </a>
              </li>
            )}
          </For>
        </ul>
      </div>
    </div>
  );
}
