import { Show } from 'solid-js';

/** An error the user should read now: announced by screen readers as it appears. */
export function ProblemAlert(props: { message: string | undefined }) {
  return (
    <Show when={props.message}>
      <div class="utrecht-alert utrecht-alert--error" role="alert">
        <div class="utrecht-alert__content">
          <p class="utrecht-alert__message utrecht-paragraph">{props.message}</p>
        </div>
      </div>
    </Show>
  );
}
