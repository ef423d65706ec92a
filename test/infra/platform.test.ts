import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lambdaBundling } from '../../infra/aws/constructs/landing-function';

/** Locally, in CI and on Lambda the same major version of Node runs the code: the pinned `node` package's. */
describe('platform', () => {
  const pinned = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).devDependencies
    .node as string;
  const major = pinned.split('.')[0];

  it('runs the tests on the pinned Node, whatever Node started npm', () => {
    expect(process.versions.node.split('.')[0]).toBe(major);
  });

  it('bundles the Lambdas for the same major version', () => {
    expect(lambdaBundling.target).toBe(`node${major}`);
  });
});
