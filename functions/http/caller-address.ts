import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/** Set on the API's functions when only CloudFront can reach the API (its custom domain; execute-api off). */
export const VIEWER_ADDRESS_ENV = 'VIEWER_ADDRESS_FROM_CLOUDFRONT';

/**
 * The caller's address for the audit trail (`bron`). Behind CloudFront, API Gateway's `sourceIp` is CloudFront's
 * own; CloudFront passes the viewer's in `CloudFront-Viewer-Address` (`<ip>:<port>`, an IPv6 address unbracketed).
 * That header is believed only when the API cannot be reached but through CloudFront: otherwise anyone can send it.
 */
export function callerAddressOf(
  event: Pick<APIGatewayProxyEventV2, 'headers'> & { requestContext?: { http?: { sourceIp?: string } } },
  environment: Record<string, string | undefined> = process.env,
): string | undefined {
  const viewer = event.headers?.['cloudfront-viewer-address'];
  if (environment[VIEWER_ADDRESS_ENV] === 'true' && viewer) {
    const port = viewer.lastIndexOf(':');
    const address = port > 0 ? viewer.slice(0, port) : viewer;
    if (/^[0-9a-fA-F.:]{2,45}$/.test(address)) return address;
  }
  return event.requestContext?.http?.sourceIp;
}
