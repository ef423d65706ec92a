// The Lambda bundles' stand-in for @aws-sdk/credential-provider-node (see lambdaBundling in
// infra/aws/constructs/landing-function.ts). Lambda hands a function its role's credentials in environment
// variables, the first link of the SDK's default chain; the other links (SSO, profiles, STS, the container and
// instance metadata) and their nested clients never answer there, yet V8 compiled them at every cold start.
// Locally and in the tests the sources run unbundled, with the SDK's whole chain.
import { fromEnv } from '@aws-sdk/credential-provider-env';

export const defaultProvider: typeof fromEnv = (init) => fromEnv(init);
