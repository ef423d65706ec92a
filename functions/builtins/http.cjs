// A CommonJS door to node:http for the Lambda bundles (see lambdaBundling in infra/constructs/landing-function.ts).
module.exports = require('node:http');
