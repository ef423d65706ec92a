import { createSignal, onCleanup } from 'solid-js';

/**
 * A polite live region for what an action did ("Testmelding verstuurd"): screen readers read it without
 * moving focus. Clearing it first makes the same message twice in a row be read twice.
 */
export function createAnnouncer() {
  const [message, setMessage] = createSignal<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  const announce = (next: string) => {
    clearTimeout(timer);
    setMessage();
    timer = setTimeout(() => setMessage(next), 50);
  };
  return { message, announce };
}

/** The live region itself: always in the page (a region that appears with its text is often not read). */
export function StatusMessage(props: { message: string | undefined }) {
  return (
    <p class="utrecht-paragraph landing-status" role="status">
      {props.message ?? ''}
    </p>
  );
}
