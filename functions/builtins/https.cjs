// A CommonJS door to node:https for the Lambda bundles (see lambdaBundling in infra/aws/constructs/landing-function.ts).
// Not require('node:https'): the bundles alias that name to this file, so it would load itself and export nothing.
module.exports = process.getBuiltinModule('node:https');
