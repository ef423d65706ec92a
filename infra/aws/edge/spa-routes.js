// CloudFront Function (cloudfront-js-2.0), viewer request, on the SPA's default behaviour only: a client-side
// route (a path whose last segment has no file extension) is served by /index.html. Files keep their path, so a
// missing asset is the bucket's error rather than the app answering 200; /api/* has its own behaviour and never
// runs this, and a stray /api path is left alone too, so nothing under /api is ever answered with the app.
// biome-ignore lint/correctness/noUnusedVariables: CloudFront calls `handler` by name.
function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri === '/api' || uri.indexOf('/api/') === 0) return request;
  var last = uri.substring(uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}
