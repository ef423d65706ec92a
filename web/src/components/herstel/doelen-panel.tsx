import type { HerstelPartProps } from './herstel-section';

/** Placeholder: the doelen part of the person's plan is built here. */
export function DoelenPanel(_props: HerstelPartProps) {
  return null;
}
