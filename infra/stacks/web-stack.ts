import { CfnOutput, Duration, Fn, Stack, type StackProps } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HttpVersion,
  OriginRequestPolicy,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { StageConfig } from '../config/stages';
import { projectRoot } from '../constructs/landing-function';

export interface WebStackProps extends StackProps {
  stage: StageConfig;
  /** `https://<id>.execute-api.<region>.amazonaws.com` */
  apiEndpoint: string;
  auth: { userPoolId: string; userPoolClientId: string; signInDomain: string };
}

export const webDistPath = path.join(projectRoot, 'web/dist');

/**
 * The SPA on S3 behind CloudFront (origin access control, bucket never public), with `/api/*` routed to
 * the HTTP API so the browser talks to one origin.
 */
export class WebStack extends Stack {
  readonly distribution: Distribution;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);
    const { stage } = props;

    const bucket = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: stage.removalPolicy,
      autoDeleteObjects: !stage.protectData,
    });

    const apiDomain = Fn.select(2, Fn.split('/', props.apiEndpoint));
    // The stage's own name, once its certificate exists (us-east-1, as CloudFront requires).
    const certificate = stage.domain.certificateArn ? Certificate.fromCertificateArn(this, 'Certificate', stage.domain.certificateArn) : undefined;
    this.distribution = new Distribution(this, 'Cdn', {
      comment: `Landing SPA and API (${stage.name})`,
      ...(certificate ? { domainNames: [stage.domain.name], certificate } : {}),
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: ResponseHeadersPolicy.SECURITY_HEADERS,
      },
      additionalBehaviors: {
        '/api/*': {
          origin: new HttpOrigin(apiDomain),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        },
      },
      // Client-side routes (/trajecten/…) are served by index.html.
      errorResponses: [403, 404].map((httpStatus) => ({
        httpStatus,
        responseHttpStatus: 200,
        responsePagePath: '/index.html',
        ttl: Duration.seconds(0),
      })),
    });

    const config = {
      auth: { mode: 'cognito', userPoolId: props.auth.userPoolId, clientId: props.auth.userPoolClientId, domain: props.auth.signInDomain, redirectUri: `${props.stage.publicBaseUrl}/aanmelden/terug` },
    };
    new BucketDeployment(this, 'Deploy', {
      destinationBucket: bucket,
      distribution: this.distribution,
      sources: [
        // `npm run synth` builds the SPA first; a bare `cdk synth` without a build deploys only the config.
        ...(existsSync(webDistPath) ? [Source.asset(webDistPath)] : []),
        Source.jsonData('config.json', config),
      ],
    });

    new CfnOutput(this, 'Url', { value: `https://${this.distribution.distributionDomainName}` });
  }
}
