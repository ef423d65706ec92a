import { onMount } from 'solid-js';

/**
 * The page's h1, which also sets the document title and takes focus after navigation, so screen reader
 * users hear where they are (focus lands on the heading, not on the top of the document).
 */
export function PageTitle(props: { children: string }) {
  let heading!: HTMLHeadingElement;
  onMount(() => {
    document.title = `${props.children} – Landing`;
    if (document.activeElement && document.activeElement !== document.body) heading.focus();
  });
  return (
    <h1 ref={heading} class="utrecht-heading-1" tabindex="-1">
      {props.children}
    </h1>
  );
}
