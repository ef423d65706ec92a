import type { HerstelPartProps } from './herstel-section';

/** Placeholder: the netwerk part of the person's plan is built here. */
export function NetwerkPanel(_props: HerstelPartProps) {
  return null;
}
