import type { HerstelPartProps } from './herstel-section';

/** Placeholder: the kwaliteit part of the person's plan is built here. */
export function KwaliteitPanel(_props: HerstelPartProps) {
  return null;
}
