import { createAsync, revalidate } from '@solidjs/router';
import { createEffect, on, Show } from 'solid-js';
import type { HerstelOverzicht } from '../../../../shared/domain/herstel/herstel-schemas';
import type { Transition } from '../../../../shared/domain/transition/transition';
import { partnerRef, type PartnerRef } from '../../../../shared/domain/wijk/sociale-kaart';
import { getHerstel, partnersInWijk } from '../../api/queries';
import { wijkVanWoning } from '../kaart/in-de-wijk';
import { ProblemAlert } from '../problem-alert';
import { DoelenPanel } from './doelen-panel';
import { KwaliteitPanel } from './kwaliteit-panel';
import { NetwerkPanel } from './netwerk-panel';
import { ProfielPanel } from './profiel-panel';

/** What every part of the plan gets: the transition, the plan as loaded, and how to say it changed. */
export interface HerstelPartProps {
  transition: Transition;
  herstel: HerstelOverzicht;
  /** Reload the plan after a change (the part's own write already answered). */
  onChanged: () => Promise<void>;
  /** Emergency access or an ended transition: show, don't change. */
  readOnly: boolean;
  /** The partners on the sociale kaart of the woning's wijk, to link a step or member to (none before a woning). */
  wijkPartners: readonly PartnerRef[];
}

/**
 * Plan & netwerk: the person's own plan, as Supportgericht Werken builds it with them — who they are and
 * want to be (Persoonlijk Profiel), what they work on (doelen, opties, Plan van Aanpak), who is around them
 * (steunsysteem), and how life is going (kwaliteit van bestaan).
 */
export function HerstelSection(props: { transition: Transition; readOnly: boolean }) {
  const loaded = createAsync(() => getHerstel(props.transition.id));
  const onChanged = () => revalidate(getHerstel.keyFor(props.transition.id));
  const partners = createAsync(async () => {
    const wijk = wijkVanWoning(props.transition);
    return wijk ? partnersInWijk(wijk) : undefined;
  });
  // A kaart that could not be read offers no partner: linking one is optional.
  const wijkPartners = () => partners()?.value?.items.map(partnerRef) ?? [];
  // A link to a part of the plan (Vandaag's "naar het Plan van Aanpak") arrives before the plan has loaded:
  // once it is there, go to the part the address names.
  createEffect(
    on(
      () => Boolean(loaded()?.value),
      (ready) => {
        const target = ready && location.hash ? document.getElementById(location.hash.slice(1)) : null;
        if (target) requestAnimationFrame(() => target.scrollIntoView());
      },
      { defer: false },
    ),
  );
  return (
    <section class="landing-panel" aria-labelledby="herstel-title">
      <h2 id="herstel-title" class="utrecht-heading-2">
        Plan &amp; netwerk
      </h2>
      <ProblemAlert message={loaded()?.error ? 'Het plan van de persoon kon niet worden geladen.' : undefined} />
      <Show when={loaded()?.value}>
        {(herstel) => {
          const part = (): HerstelPartProps => ({
            transition: props.transition,
            herstel: herstel(),
            onChanged,
            readOnly: props.readOnly,
            wijkPartners: wijkPartners(),
          });
          return (
            <>
              <ProfielPanel {...part()} />
              <DoelenPanel {...part()} />
              <NetwerkPanel {...part()} />
              <KwaliteitPanel {...part()} />
            </>
          );
        }}
      </Show>
    </section>
  );
}
