import { Stack, type StackProps } from 'aws-cdk-lib';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import type { StageConfig } from '../config/stages';

export interface EdgeStackProps extends StackProps {
  stage: StageConfig;
}

/**
 * Requests per minute one client may send to /api/* before CloudFront answers 429 for the rest of that minute.
 * A credential is a member of staff's token or a corporation's API key: the SPA's busiest page asks a few
 * times a second at most. An address is shared by everyone behind an organisation's NAT, hence far higher; it
 * catches what rotates or leaves out its credential.
 */
export const clientRateLimits = { perCredentialPerMinute: 300, perAddressPerMinute: 3000 } as const;

/**
 * What CloudFront needs in us-east-1: the AWS WAF web ACL with the per-client rate limits. API Gateway's
 * stage throttle is one bucket per route for everyone, so one client could use it up for all; these limits
 * count each client on its own, before anything reaches API Gateway.
 */
export class EdgeStack extends Stack {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, props);
    const metric = (name: string) => ({
      cloudWatchMetricsEnabled: true,
      metricName: `landing-${props.stage.name}-${name}`,
      // Sampled requests would keep client addresses and Authorization headers: off.
      sampledRequestsEnabled: false,
    });
    const apiOnly = {
      byteMatchStatement: {
        fieldToMatch: { uriPath: {} },
        positionalConstraint: 'STARTS_WITH',
        searchString: '/api/',
        textTransformations: [{ priority: 0, type: 'NONE' }],
      },
    };
    // API Gateway's own shape for its throttling answer, so a client handles both the same way.
    const tooMany = { block: { customResponse: { responseCode: 429, customResponseBodyKey: 'too-many-requests' } } };
    this.webAcl = new CfnWebACL(this, 'ClientLimits', {
      scope: 'CLOUDFRONT',
      description: `Landing ${props.stage.name}: per-client rate limits on the API`,
      defaultAction: { allow: {} },
      visibilityConfig: metric('edge'),
      customResponseBodies: {
        'too-many-requests': { contentType: 'APPLICATION_JSON', content: '{"message":"Too Many Requests"}' },
      },
      rules: [
        {
          name: 'per-credential',
          priority: 0,
          action: tooMany,
          visibilityConfig: metric('per-credential'),
          statement: {
            rateBasedStatement: {
              aggregateKeyType: 'CUSTOM_KEYS',
              customKeys: [{ header: { name: 'authorization', textTransformations: [{ priority: 0, type: 'NONE' }] } }],
              limit: clientRateLimits.perCredentialPerMinute,
              evaluationWindowSec: 60,
              scopeDownStatement: apiOnly,
            },
          },
        },
        {
          name: 'per-address',
          priority: 1,
          action: tooMany,
          visibilityConfig: metric('per-address'),
          statement: {
            rateBasedStatement: {
              aggregateKeyType: 'IP',
              limit: clientRateLimits.perAddressPerMinute,
              evaluationWindowSec: 60,
              scopeDownStatement: apiOnly,
            },
          },
        },
      ],
    });
  }
}
