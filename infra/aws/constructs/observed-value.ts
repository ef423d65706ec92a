import type { Stack } from 'aws-cdk-lib';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';

/** Where a producing stack publishes a name or ARN that another stack only observes. */
export const observedParameterName = (stageName: string, key: string) => `/landing/${stageName}/observed/${key}`;

/**
 * A weak reference: the producing stack writes `value` (a token of its own) to an SSM parameter with a fixed
 * name, and the observer reads that parameter when it is deployed. No export, so the producer may replace or
 * remove what is observed (a rollback, a function added or removed) without "export … in use" failures. The
 * observer still deploys after the producer: an explicit stack dependency, which creates no export.
 */
export function observedValue(observer: Stack, producer: Stack, stageName: string, key: string, value: string): string {
  const name = observedParameterName(stageName, key);
  const id = `Observed-${key}`;
  if (!producer.node.tryFindChild(id)) {
    new StringParameter(producer, id, {
      parameterName: name,
      stringValue: value,
      description: `Landing ${stageName}: read by the Monitoring stack (a reference without an export)`,
    });
  }
  observer.addStackDependency(producer);
  return StringParameter.valueForStringParameter(observer, name);
}
