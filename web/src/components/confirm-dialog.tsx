import { createEffect, createSignal, createUniqueId, For, Show } from 'solid-js';

/** What an action will do before it is done: its heading names the action, the lines say what and who hears. */
interface Question {
  /** The action as a question: "Woning accepteren?" */
  title: string;
  /** What will happen and who will be told, one sentence a line. */
  lines: string[];
  /** The button that does it: "Woning accepteren". */
  confirm: string;
  /** The safe choice's words when "Annuleren" would be ambiguous (cancelling a spend). */
  keep?: string;
  /** A final step (ending a transition): the confirm button in the danger style. */
  danger?: boolean;
}

/**
 * Asks before an action that tells someone outside, moves money or cannot be taken back: a modal native
 * <dialog>, focus on the safe choice, Escape cancels. `ask` resolves true only when the user confirms.
 */
export function createConfirm() {
  const [question, setQuestion] = createSignal<Question>();
  let resolve: ((ok: boolean) => void) | undefined;
  const ask = (q: Question) =>
    new Promise<boolean>((r) => {
      resolve?.(false);
      resolve = r;
      setQuestion(q);
    });
  const answer = (ok: boolean) => {
    const r = resolve;
    resolve = undefined;
    setQuestion();
    r?.(ok);
  };
  const Dialog = () => <ConfirmDialog question={question()} onAnswer={answer} />;
  return { ask, Dialog };
}

function ConfirmDialog(props: { question: Question | undefined; onAnswer: (ok: boolean) => void }) {
  let dialog: HTMLDialogElement | undefined;
  let cancel: HTMLButtonElement | undefined;
  const id = createUniqueId();
  createEffect(() => {
    if (!dialog) return;
    if (props.question && !dialog.open) {
      dialog.showModal();
      // The safe choice first: Enter or a stray tap does nothing that cannot be taken back.
      cancel?.focus();
    } else if (!props.question && dialog.open) dialog.close();
  });
  return (
    <dialog
      ref={dialog}
      class="landing-confirm"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onCancel={(e) => {
        e.preventDefault();
        props.onAnswer(false);
      }}
    >
      <Show when={props.question}>
        {(q) => (
          <>
            <h2 id={`${id}-title`} class="utrecht-heading-2">
              {q().title}
            </h2>
            <div id={`${id}-body`}>
              <For each={q().lines}>{(line) => <p class="utrecht-paragraph">{line}</p>}</For>
            </div>
            <div class="utrecht-button-group">
              <button
                ref={cancel}
                type="button"
                class="utrecht-button utrecht-button--secondary-action"
                onClick={() => props.onAnswer(false)}
              >
                {q().keep ?? 'Annuleren'}
              </button>
              <button
                type="button"
                class={`utrecht-button ${q().danger ? 'utrecht-button--danger' : 'utrecht-button--primary-action'}`}
                onClick={() => props.onAnswer(true)}
              >
                {q().confirm}
              </button>
            </div>
          </>
        )}
      </Show>
    </dialog>
  );
}
