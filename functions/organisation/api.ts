import { decide } from '../../shared/policy/access-policy';
import { createApiHandler, type CapabilityHandlers } from '../http/api-handler';
import { ForbiddenError, NotFoundError } from '../http/errors';
import { lazy, runtime } from '../runtime';
import { DynamoOrganisationDirectory } from '../storage/dynamo-organisation-directory';
import type { OrganisationDirectory } from './ports';

export function organisationHandlers(directory: () => OrganisationDirectory): CapabilityHandlers<'organisation'> {
  return {
    getMe: async ({ principal }) => {
      const organisation = await directory().organisation(principal.organisationId);
      if (!organisation) throw new NotFoundError('Je organisatie is niet bekend.');
      return { body: { principal, organisation } };
    },
    listCorporations: async ({ principal }) => {
      if (!decide(principal, 'corporation:list').allowed) throw new ForbiddenError();
      return { body: { items: await directory().organisationsOfKind('woningcorporatie') } };
    },
    listStaff: async ({ principal }) => {
      if (!decide(principal, 'staff:list').allowed) throw new ForbiddenError();
      return { body: { items: await directory().staff(principal.organisationId) } };
    },
  };
}

export function createOrganisationApi(directory: () => OrganisationDirectory) {
  return createApiHandler('organisation', organisationHandlers(directory));
}

export const handler = createOrganisationApi(
  lazy(() => new DynamoOrganisationDirectory(runtime.documentClient(), runtime.tableName())),
);
