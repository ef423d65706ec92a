import * as z from 'zod';
import { ReportSignalInput, ReportedSignal, ReportedSignalList } from '../webhook-schemas';
import { op, type OperationSpec } from '../operation';

/** The housing corporation's own API (by API key): signals in, notices read back. */
export const corporationOperations = {
  reportSignal: op({
    capability: 'corporation',
    method: 'POST',
    path: '/api/corporatie/signalen',
    summary: 'Corporatie: meld een signaal over een woning die u verhuurt, met uw eigen eenheidnummer',
    auth: 'corporation',
    body: ReportSignalInput,
    idempotent: true,
    response: { status: 201, schema: ReportedSignal, description: 'Het signaal is ontvangen' },
    errors: [400, 401, 403, 404, 409],
  }),
  listReportedSignals: op({
    capability: 'corporation',
    method: 'GET',
    path: '/api/corporatie/signalen',
    summary: 'Corporatie: de signalen die u meldde, en of ze zijn opgepakt',
    auth: 'corporation',
    response: { status: 200, schema: ReportedSignalList, description: 'Uw gemelde signalen, nieuwste eerst' },
    errors: [401, 403],
  }),
  getNotice: op({
    capability: 'corporation',
    method: 'GET',
    path: '/api/corporatie/meldingen/{eventId}',
    summary: 'Corporatie: een melding opnieuw ophalen (de dataref van de CloudEvent)',
    auth: 'corporation',
    params: z.object({ eventId: z.string().min(1).max(64) }),
    response: {
      status: 200,
      schema: z.record(z.string(), z.unknown()).meta({ id: 'CloudEvent' }),
      description: 'De melding als CloudEvent',
    },
    errors: [401, 403, 404],
  }),
} as const satisfies Record<string, OperationSpec>;
