import { App } from 'aws-cdk-lib';
import { stageConfig } from './config/stages';
import { createLandingStacks } from './landing';

const app = new App();
createLandingStacks(app, stageConfig(app.node.tryGetContext('stage') ?? 'dev'));
app.synth();
