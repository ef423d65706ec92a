import { auditFromEnvironment } from '../audit/audit-runtime';
import { createApiHandler, type ApiHandlerOptions, type CapabilityHandlers } from '../http/api-handler';
import { NotFoundError } from '../http/errors';
import { authorize } from '../access/person-record';
import { lazy, runtime } from '../runtime';
import { DynamoOrganisationDirectory } from '../storage/dynamo-organisation-directory';
import type { OrganisationDirectory } from './ports';
import { organisationOperations } from '../../shared/api/operations/organisation';

export function organisationHandlers(directory: () => OrganisationDirectory): CapabilityHandlers<'organisation'> {
  return {
    getMe: async ({ principal }) => {
      const organisation = await directory().organisation(principal.organisationId);
      if (!organisation) throw new NotFoundError('Je organisatie is niet bekend.');
      return { body: { principal, organisation } };
    },
    listCorporations: async ({ principal }) => {
      authorize(principal, 'corporation:list');
      return { body: { items: await directory().organisationsOfKind('woningcorporatie') } };
    },
    listStaff: async ({ principal }) => {
      authorize(principal, 'staff:list');
      return { body: { items: await directory().staff(principal.organisationId) } };
    },
  };
}

export function createOrganisationApi(directory: () => OrganisationDirectory, options: ApiHandlerOptions = {}) {
  return createApiHandler(organisationOperations, organisationHandlers(directory), options);
}

export const handler = createOrganisationApi(
  lazy(() => new DynamoOrganisationDirectory(runtime.documentClient(), runtime.tableName())),
  { audit: auditFromEnvironment },
);
