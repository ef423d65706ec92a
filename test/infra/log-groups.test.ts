import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cdkContext } from '../../infra/aws/config/cdk-context';
import { stageConfig, stageNames, type StageName } from '../../infra/aws/config/stages';
import { projectRoot } from '../../infra/aws/constructs/landing-function';
import { createLandingStacks } from '../../infra/aws/landing';

/** The log groups the runbooks tell ops to select in Logs Insights are the ones the stacks create. */
let logGroups: Record<StageName, string[]>;
beforeAll(() => {
  const app = new App({ context: { ...cdkContext, 'aws:cdk:bundling-stacks': [] } });
  const built = stageNames.map((name) => [name, createLandingStacks(app, stageConfig(name))] as const);
  logGroups = Object.fromEntries(
    built.map(([name, stacks]) => [
      name,
      Object.values(stacks).flatMap((stack) =>
        Object.values(Template.fromStack(stack).findResources('AWS::Logs::LogGroup')).map(
          (g) => g.Properties?.LogGroupName as string,
        ),
      ),
    ]),
  ) as typeof logGroups;
}, 300_000);

const runbooks = ['docs/OPERATIONS.md', 'docs/RECOVERY.md', 'docs/RETENTION.md'];
/** Every log group name (or `*` pattern) a runbook gives in backticks. */
const namesInRunbooks = () =>
  runbooks.flatMap((file) =>
    [...readFileSync(path.join(projectRoot, file), 'utf8').matchAll(/`(\/aws\/[^`\s]+)`/g)].map((m) => ({
      file,
      name: m[1]!,
    })),
  );

describe('log groups', () => {
  it('gives every Landing log group an explicit name', () => {
    for (const name of stageNames) {
      const named = logGroups[name].filter((g) => typeof g === 'string');
      expect(named.filter((g) => g.startsWith(`/aws/lambda/Landing-${name}-`)).length).toBeGreaterThanOrEqual(18);
      expect(named).toContain(`/aws/apigateway/Landing-${name}-access`);
      expect(new Set(named).size, 'unique').toBe(named.length);
    }
  });

  it('has every log group the runbooks name (for `<stage>`, every stage), a pattern matching at least one', () => {
    const names = namesInRunbooks();
    expect(names.length).toBeGreaterThanOrEqual(3);
    for (const { file, name } of names) {
      const stages = name.includes('<stage>') ? stageNames : stageNames.filter((s) => name.includes(`-${s}`));
      expect(stages.length, `${file}: ${name} names a stage`).toBeGreaterThan(0);
      for (const stage of stages) {
        // `*` is any text; a placeholder such as `<function>` is any name.
        const pattern = name
          .replace('<stage>', stage)
          .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '.*')
          .replace(/<[a-z]+>/g, '[^/]+');
        const created = logGroups[stage].filter((g) => typeof g === 'string' && new RegExp(`^${pattern}$`).test(g));
        expect(created.length, `${file}: ${name} on ${stage}`).toBeGreaterThan(0);
      }
    }
  });
});
