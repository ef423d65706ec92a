import { App } from 'aws-cdk-lib';
import { stageConfig, stageNames } from './config/stages';
import { addGuardRails } from './guard-rails';
import { createLandingStacks } from './landing';

/**
 * One app, every stage: `Landing-dev-*`, `Landing-acc-*`, `Landing-prod-*`, so a synth shows all three side
 * by side and a deploy picks its stage's stacks by name (infra/ops/commands/stage-command.ts). A stage's certificate
 * comes from the deploy's context: `--context certificateArn:acc=arn:aws:acm:us-east-1:…`, the API's (in the
 * stage's region) from `apiCertificateArn:acc`.
 */
const app = new App();
// cdk-nag's AWS Solutions checks: an unacknowledged finding of level error fails the synth (infra/aws/guard-rails.ts).
addGuardRails(app);
for (const name of stageNames) {
  createLandingStacks(
    app,
    stageConfig(name, {
      certificateArn: app.node.tryGetContext(`certificateArn:${name}`) as string | undefined,
      apiCertificateArn: app.node.tryGetContext(`apiCertificateArn:${name}`) as string | undefined,
    }),
  );
}
app.synth();
