import { query, revalidate } from '@solidjs/router';
import type { RequestBody, TransitionListScope } from '../../../shared/api/contract';
import { wijkKey } from '../../../shared/domain/wijk/sociale-kaart';
import { appConfig } from '../auth/app-config';
import { api } from './client';

/** A load that failed, kept as a value: a page tells a 404 from "another team" from the rest by the error. */
type Loaded<T> = { value: T; error?: undefined } | { value?: undefined; error: unknown };
export const settle = <T>(loading: Promise<T>): Promise<Loaded<T>> =>
  loading.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );

/*
 * The router's cache for the reads outside the transition page: one entry per read and argument, so a write
 * revalidates exactly the entries it changed (by `keyFor(...)`: a bare name would also match longer names).
 */
export const getAppConfig = query(() => settle(appConfig()), 'app-config');
export const getLocalUsers = query(() => settle(api.local.users()), 'local-users');
/** The demo clock; undefined on AWS, where `/local/clock` does not exist. */
export const getClock = query(() => api.local.clock().catch(() => undefined), 'demo-clock');

export const getMe = query(() => settle(api.organisation.me()), 'organisation-me');
export const getStaff = query(() => settle(api.organisation.staff()), 'organisation-staff');
export const getCorporations = query(() => settle(api.corporations()), 'corporations');

export const getTransitions = query(
  (scope: TransitionListScope) => settle(api.transitions.list(scope)),
  'transition-list',
);
/** A search of a list: one cache entry per search, marked stale with the lists. */
export const searchTransitions = query(
  (input: RequestBody<'searchTransitions'>) => settle(api.transitions.search(input)),
  'transition-search',
);
export const getToday = query(() => settle(api.caseload.today()), 'caseload-today');
export const getTeam = query(() => settle(api.caseload.team()), 'caseload-team');
export const getOutcomes = query((gebied?: string) => settle(api.outcomes.get(gebied)), 'outcomes');
export const getEmergencyAccess = query(() => settle(api.audit.emergencyAccess()), 'emergency-access-list');

export const getBudget = query((transitionId: string) => settle(api.budget.get(transitionId)), 'budget-view');
export const getBudgetInbox = query(() => settle(api.budget.inbox()), 'budget-inbox');
export const getHerstel = query((transitionId: string) => settle(api.herstel.get(transitionId)), 'herstel');
export const getContacts = query((transitionId: string) => settle(api.contacts.list(transitionId)), 'contacts');

export const getKaartWijken = query(() => settle(api.kaart.wijken()), 'kaart-wijken');
export const getPartners = query((wijk: string) => settle(api.kaart.partners(wijk)), 'kaart-partners');
/**
 * The partners on the sociale kaart of a wijk, by its name as the woning has it (highest rung first): what the
 * transition page, a plan step or the network offers to link to (by PartnerRef).
 */
export const partnersInWijk = (wijk: string) => getPartners(wijkKey(wijk));

export const getEndpoints = query(
  (corporatieId: string) => settle(api.webhooks.endpoints(corporatieId)),
  'webhook-endpoints',
);
export const getApiKeys = query((corporatieId: string) => settle(api.webhooks.apiKeys(corporatieId)), 'api-keys');

/**
 * After a change to a transition (or its budget), the overviews across transitions are stale: mark them so the
 * next page that shows one loads it anew instead of taking the router's cache of the last few seconds.
 */
export const overviewsChanged = () =>
  revalidate([
    getTransitions.keyFor('mine'),
    getTransitions.keyFor('team'),
    searchTransitions.key,
    getToday.keyFor(),
    getTeam.keyFor(),
    getBudgetInbox.keyFor(),
  ]);
