import { TeamView, TodayView } from '../caseload-schemas';
import { op, type OperationSpec } from '../operation';

/** A begeleider's day and a team lead's team. */
export const caseloadOperations = {
  getToday: op({
    capability: 'caseload',
    method: 'GET',
    path: '/api/vandaag',
    summary: 'Vandaag: mijn open taken (signalen), evaluaties en deadlines van mijn trajecten, mijn caseload',
    auth: 'principal',
    response: { status: 200, schema: TodayView, description: 'Wat vandaag aandacht vraagt' },
    errors: [401, 403],
  }),
  getTeam: op({
    capability: 'caseload',
    method: 'GET',
    path: '/api/team',
    summary: 'Het team: caseload van het team en per begeleider tegen de capaciteit (voor 2 begeleiders 10 cliënten)',
    auth: 'principal',
    response: { status: 200, schema: TeamView, description: 'De caseload van het team' },
    errors: [401, 403],
  }),
} as const satisfies Record<string, OperationSpec>;
