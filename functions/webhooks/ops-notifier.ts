import type { SNSClient } from '@aws-sdk/client-sns';
import { logger } from '../observability/logger';
import type { OpsNotifier } from './ports';

/**
 * On AWS: a message on the operations topic (ids only, no personal data), and a log line everywhere. An
 * endpoint is switched off rarely: the SNS client is loaded then, not in every cold start of the webhook functions.
 */
export class SnsOpsNotifier implements OpsNotifier {
  private sns: SNSClient | undefined;

  constructor(private readonly topicArn: string) {}

  async endpointDisabled(input: { corporatieId: string; endpointId: string; reden: string }): Promise<void> {
    logger.error('webhook endpoint disabled', input);
    const { PublishCommand, SNSClient } = await import('@aws-sdk/client-sns');
    this.sns ??= new SNSClient({});
    await this.sns.send(
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
