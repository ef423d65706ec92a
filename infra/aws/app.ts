import { App } from 'aws-cdk-lib';
import { addGuardRails } from './guard-rails';
import { createAllStages } from './landing';

/**
 * One app, every stage: `Landing-dev-*`, `Landing-acc-*`, `Landing-prod-*`, so a synth shows all three side
 * by side and a deploy picks its stage's stacks by name (infra/ops/commands/stage-command.ts). A stage's
 * certificates come from its committed config only, never from a deploy's context: whichever command deploys
 * the stage, the site stays on its name.
 */
const app = new App();
// cdk-nag's AWS Solutions checks: an unacknowledged finding of level error fails the synth (infra/aws/guard-rails.ts).
addGuardRails(app);
createAllStages(app);
app.synth();
