import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import { logger } from '../observability/logger';
import type { OpsNotifier } from './ports';

/** On AWS: a message on the operations topic (ids only, no personal data), and a log line everywhere. */
export class SnsOpsNotifier implements OpsNotifier {
  constructor(
    private readonly sns: () => SNSClient,
    private readonly topicArn: string,
  ) {}

  async endpointDisabled(input: { corporatieId: string; endpointId: string; reden: string }): Promise<void> {
    logger.error('webhook endpoint disabled', input);
    await this.sns().send(
      new PublishCommand({
        TopicArn: this.topicArn,
        Subject: 'Landing: webhook-endpoint uitgeschakeld',
        Message: `Het webhook-endpoint ${input.endpointId} van corporatie ${input.corporatieId} is uitgeschakeld (${input.reden}). Zie het beheerscherm Corporaties in Landing; herstel het endpoint en bied de gemiste meldingen opnieuw aan.`,
      }),
    );
  }
}

/** Local mode has no topic: the log line is the notice, and the admin page shows the endpoint as off. */
export class LogOpsNotifier implements OpsNotifier {
  async endpointDisabled(input: { corporatieId: string; endpointId: string; reden: string }): Promise<void> {
    logger.error('webhook endpoint disabled', input);
  }
}
