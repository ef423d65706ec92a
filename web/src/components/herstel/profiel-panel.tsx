import type { HerstelPartProps } from './herstel-section';

/** Placeholder: the profiel part of the person's plan is built here. */
export function ProfielPanel(_props: HerstelPartProps) {
  return null;
}
