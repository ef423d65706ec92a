// A CommonJS door to node:https for the Lambda bundles (see lambdaBundling in infra/constructs/landing-function.ts).
module.exports = require('node:https');
