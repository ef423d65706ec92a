import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HttpVersion,
  OriginRequestCookieBehavior,
  OriginRequestHeaderBehavior,
  OriginRequestPolicy,
  OriginRequestQueryStringBehavior,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
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
import { acknowledge, acknowledgeBucketDeploymentHandler } from '../guard-rails';

export interface WebStackProps extends StackProps {
  stage: StageConfig;
  /** Where CloudFront reaches the API, and whether it passes the viewer's Host (a custom domain needs it). */
  apiOrigin: { domainName: string; forwardHost: boolean };
  auth: { userPoolId: string; userPoolClientId: string; signInDomain: string };
  /** The AWS WAF web ACL (us-east-1) with the per-client rate limits. */
  webAclArn: string;
}

export const webDistPath = path.join(projectRoot, 'web/dist');
/** The CloudFront Function that serves the SPA's client routes (tested on its own in node). */
export const spaRoutesFunctionPath = path.join(projectRoot, 'infra/aws/edge/spa-routes.js');

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
    acknowledge(bucket, {
      id: 'AwsSolutions-S1',
      reason:
        'Holds only the public SPA build, written by the deploy and read only by CloudFront (origin access control); server access logs would record nothing but CloudFront fetching it.',
    });

    // The stage's own name, once its certificate exists (us-east-1, as CloudFront requires).
    const certificate = stage.domain.certificateArn
      ? Certificate.fromCertificateArn(this, 'Certificate', stage.domain.certificateArn)
      : undefined;
    // Client-side routes (/trajecten/…) get index.html from a function on the SPA's behaviour alone: the
    // distribution's error responses would also turn every 403/404 of the API into 200 text/html.
    const spaRoutes = new CloudFrontFunction(this, 'SpaRoutes', {
      comment: 'Client-side routes of the SPA are served by /index.html',
      code: FunctionCode.fromFile({ filePath: spaRoutesFunctionPath }),
      runtime: FunctionRuntime.JS_2_0,
    });
    this.distribution = new Distribution(this, 'Cdn', {
      comment: `Landing SPA and API (${stage.name})`,
      ...(certificate
        ? {
            domainNames: [stage.domain.name],
            certificate,
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
      defaultRootObject: 'index.html',
      webAclId: props.webAclArn,
      httpVersion: HttpVersion.HTTP2_AND_3,
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: ResponseHeadersPolicy.SECURITY_HEADERS,
        functionAssociations: [{ function: spaRoutes, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: new HttpOrigin(props.apiOrigin.domainName),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          // The execute-api endpoint knows only its own Host; the custom domain needs the viewer's, and gets the
          // viewer's address too (API Gateway sees CloudFront's). Without the custom domain the API is reachable
          // directly, so an address header could be anyone's: none is passed.
          originRequestPolicy: props.apiOrigin.forwardHost
            ? new OriginRequestPolicy(this, 'ApiOriginRequest', {
                comment: `Landing API (${stage.name}): every viewer header, and the viewer's address`,
                headerBehavior: OriginRequestHeaderBehavior.all('CloudFront-Viewer-Address'),
                queryStringBehavior: OriginRequestQueryStringBehavior.all(),
                cookieBehavior: OriginRequestCookieBehavior.all(),
              })
            : OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        },
      },
    });

    acknowledge(
      this.distribution,
      {
        id: 'AwsSolutions-CFR3',
        reason:
          'No CloudFront access log on purpose: it would hold every client IP and full request path (which name transitions and people’s records). The API’s access log keeps ids, route templates and statuses only, and the audit trail records who saw what.',
      },
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'No geo restriction: housing corporations’ systems and staff on the road reach the API from outside the Netherlands; every route but health needs a Cognito token or an API key.',
      },
    );
    if (!certificate) {
      acknowledge(this.distribution, {
        id: 'AwsSolutions-CFR4',
        reason:
          'Until the stage’s certificate exists the distribution answers only on its *.cloudfront.net name, whose default certificate has no settable TLS policy; with the certificate, TLS 1.2 (TLSv1.2_2021) is the minimum.',
      });
    }

    const config = {
      auth: {
        mode: 'cognito',
        userPoolId: props.auth.userPoolId,
        clientId: props.auth.userPoolClientId,
        domain: props.auth.signInDomain,
        redirectUri: `${props.stage.publicBaseUrl}/inloggen/terug`,
      },
    };
    const deployment = new BucketDeployment(this, 'Deploy', {
      destinationBucket: bucket,
      distribution: this.distribution,
      sources: [
        // `npm run synth` builds the SPA first; a bare `cdk synth` without a build deploys only the config.
        ...(existsSync(webDistPath) ? [Source.asset(webDistPath)] : []),
        Source.jsonData('config.json', config),
      ],
    });

    acknowledgeBucketDeploymentHandler(deployment);

    new CfnOutput(this, 'Url', { value: `https://${this.distribution.distributionDomainName}` });
  }
}
