import { validateWorkflow } from '@action-validator/core';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * The deploy pipeline cannot run here, so it is checked here: against GitHub's workflow schema (the linter
 * `npm run lint` runs too) and for the order and guards docs/OPERATIONS.md promises.
 */
const source = readFileSync(new URL('../../.github/workflows/deploy.yml', import.meta.url), 'utf8');

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, string | number>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  environment?: { name: string } | string;
  permissions?: Record<string, string>;
  steps: Step[];
}
const workflow = parse(source) as {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
};
const { jobs } = workflow;
const needs = (job: string) => [jobs[job]!.needs ?? []].flat();
const runs = (job: string) => jobs[job]!.steps.flatMap((s) => (s.run ? [s.run.trim()] : []));
const environmentOf = (job: string) => {
  const env = jobs[job]!.environment;
  return typeof env === 'string' ? env : env?.name;
};

describe('the deploy pipeline', () => {
  it('is a valid workflow, and the linter finds a broken one', () => {
    expect(validateWorkflow(source).errors).toEqual([]);
    const broken = source.replace('needs: acc', 'needs: accept');
    expect(validateWorkflow(broken).errors).toContainEqual(expect.objectContaining({ code: 'unresolved_job' }));
  });

  it('goes test → synth → diff (pull requests) | deploy and smoke acc → approval → deploy and smoke prod', () => {
    expect(needs('synth')).toEqual(['test']);
    expect(needs('diff')).toEqual(['synth']);
    expect(jobs.diff!.if).toMatch(/pull_request/);
    expect(runs('diff')).toContainEqual(
      expect.stringMatching(/npm run --silent diff -- --stage "\$\{\{ matrix\.stage \}\}"/),
    );
    expect(runs('diff')).toContainEqual(expect.stringMatching(/gh pr comment/));
    expect(needs('acc')).toEqual(['synth']);
    expect(needs('prod')).toEqual(['acc']);
    expect(runs('acc')).toEqual([
      'npm ci',
      'npm run deploy -- --stage acc --no-prompt',
      expect.stringMatching(/^npm run smoke -- --stage acc --base/),
    ]);
    expect(runs('prod')).toEqual([
      'npm ci',
      'npm run deploy -- --stage prod --no-prompt',
      expect.stringMatching(/^npm run smoke -- --stage prod --base/),
    ]);
    expect(runs('test')).toContain('npm test');
    expect(runs('synth')).toContain('npm run synth');
  });

  it('deploys each stage in its GitHub environment (prod’s has the required reviewers), through OIDC only', () => {
    expect(environmentOf('acc')).toBe('acc');
    expect(environmentOf('prod')).toBe('prod');
    expect(workflow.permissions).toEqual({ contents: 'read' });
    for (const job of ['diff', 'acc', 'prod']) {
      expect(jobs[job]!.permissions?.['id-token'], job).toBe('write');
      const credentials = jobs[job]!.steps.find((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials@'));
      expect(credentials?.with?.['role-to-assume'], job).toMatch(/ROLE_ARN/);
    }
    expect(source).not.toMatch(/aws-access-key-id|aws-secret-access-key|AWS_SECRET_ACCESS_KEY/);
  });
});
