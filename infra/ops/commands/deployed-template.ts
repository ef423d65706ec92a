import { type CloudFormationClient, GetTemplateCommand } from '@aws-sdk/client-cloudformation';

/**
 * The template a stack runs with now, or undefined for a stack not deployed yet. CDK deploys JSON, so the
 * body parses as JSON.
 */
export async function deployedTemplate(
  cloudFormation: CloudFormationClient,
  stackName: string,
): Promise<Record<string, unknown> | undefined> {
  try {
    const { TemplateBody } = await cloudFormation.send(
      new GetTemplateCommand({ StackName: stackName, TemplateStage: 'Original' }),
    );
    return TemplateBody ? (JSON.parse(TemplateBody) as Record<string, unknown>) : undefined;
  } catch (error) {
    if ((error as Error).name === 'ValidationError' && /does not exist/.test((error as Error).message))
      return undefined;
    throw error;
  }
}
