import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { accessLogFormat } from '../../functions/audit/access-log';
import { callerAddressOf, VIEWER_ADDRESS_ENV } from '../../functions/http/caller-address';
import { cdkContext } from '../../infra/aws/config/cdk-context';
import { stageConfig } from '../../infra/aws/config/stages';
import { createLandingStacks } from '../../infra/aws/landing';

/** Behind CloudFront the caller's address reaches the API, and the audit trail records it. */
const certificates = {
  certificateArn: 'arn:aws:acm:us-east-1:111111111111:certificate/site',
  apiCertificateArn: 'arn:aws:acm:eu-west-1:111111111111:certificate/api',
};
let withDomain: { web: Template; api: Template };
let withoutDomain: { web: Template; api: Template };
beforeAll(() => {
  const app = new App({ context: { ...cdkContext, 'aws:cdk:bundling-stacks': [] } });
  const prod = createLandingStacks(app, stageConfig('prod', certificates));
  const dev = createLandingStacks(app, stageConfig('dev'));
  withDomain = { web: Template.fromStack(prod.web), api: Template.fromStack(prod.api) };
  withoutDomain = { web: Template.fromStack(dev.web), api: Template.fromStack(dev.api) };
}, 300_000);

const apiBehaviour = (web: Template) => {
  const [distribution] = Object.values(web.findResources('AWS::CloudFront::Distribution'));
  return (distribution!.Properties.DistributionConfig.CacheBehaviors as Record<string, any>[]).find(
    (b) => b.PathPattern === '/api/*',
  )!;
};

describe("the caller's address", () => {
  it('is passed by CloudFront to the API on its custom domain (every viewer header and CloudFront-Viewer-Address)', () => {
    const policyId = apiBehaviour(withDomain.web).OriginRequestPolicyId.Ref as string;
    const policy = withDomain.web.toJSON().Resources[policyId].Properties.OriginRequestPolicyConfig;
    expect(policy.HeadersConfig).toEqual({
      HeaderBehavior: 'allViewerAndWhitelistCloudFront',
      Headers: ['CloudFront-Viewer-Address'],
    });
    expect(policy.QueryStringsConfig.QueryStringBehavior).toBe('all');
    // The API's functions believe the header only there, where nothing but CloudFront reaches the API.
    const functions = Object.values(withDomain.api.findResources('AWS::Lambda::Function')).filter(
      (f) => f.Properties.Environment?.Variables?.AUDIT_TABLE_NAME,
    );
    expect(functions.length).toBeGreaterThanOrEqual(10);
    const trusting = functions.filter((f) => f.Properties.Environment.Variables[VIEWER_ADDRESS_ENV] === 'true');
    expect(trusting.length).toBeGreaterThanOrEqual(10);
  });

  it('is not passed or believed where the execute-api endpoint is open (anyone could send the header)', () => {
    // CloudFront's managed "all viewer except Host" policy, by its id.
    expect(apiBehaviour(withoutDomain.web).OriginRequestPolicyId).toBe('b689b0a8-53d0-40ab-baf2-68738e2966ac');
    const variables = Object.values(withoutDomain.api.findResources('AWS::Lambda::Function')).map(
      (f) => f.Properties.Environment?.Variables ?? {},
    );
    expect(variables.filter((v) => VIEWER_ADDRESS_ENV in v)).toEqual([]);
  });

  it('is what the audit trail records: the viewer address without its port, else the connecting address', () => {
    const event = (viewer?: string) => ({
      headers: viewer ? { 'cloudfront-viewer-address': viewer } : {},
      requestContext: { http: { sourceIp: '130.176.1.1' } },
    });
    const behindCloudFront = { [VIEWER_ADDRESS_ENV]: 'true' };
    expect(callerAddressOf(event('198.51.100.10:46532'), behindCloudFront)).toBe('198.51.100.10');
    expect(callerAddressOf(event('2001:db8::1:46532'), behindCloudFront)).toBe('2001:db8::1');
    expect(callerAddressOf(event('not an address'), behindCloudFront)).toBe('130.176.1.1');
    expect(callerAddressOf(event(), behindCloudFront)).toBe('130.176.1.1');
    expect(callerAddressOf(event('198.51.100.10:46532'), {})).toBe('130.176.1.1');
  });

  it("keeps the access log's connecting address (API Gateway cannot log a request header)", () => {
    const [stage] = Object.values(withDomain.api.findResources('AWS::ApiGatewayV2::Stage'));
    const format = JSON.parse(stage!.Properties.AccessLogSettings.Format as string);
    expect(format).toEqual(accessLogFormat);
    expect(format.sourceIp).toBe('$context.identity.sourceIp');
  });
});
