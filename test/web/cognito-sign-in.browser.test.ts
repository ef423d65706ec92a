import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsers } from '../../infra/local/demo-data';
import type { RunningLanding } from '../../infra/local/landing';
import { LocalAuth } from '../../infra/local/local-auth';
import { freePort, productInBrowser } from '../support/browser';
import { startStandInCognito, type StandInCognito } from '../support/stand-in-cognito';

// The client id is LocalAuth's audience, so the gateway accepts the stand-in's ID tokens as API Gateway's
// JWT authorizer accepts Cognito's (it checks aud = the SPA's client id).
const clientId = 'landing-spa';
const authSecret = randomBytes(32);
const sanne = demoUsers.find((u) => u.userId === 'u-sanne')!;

let landing: RunningLanding;
let page: Page;
let stop: () => Promise<void>;
let cognito: StandInCognito;

beforeAll(async () => {
  // The callback URL is registered before the product starts, so the product's address is chosen first.
  const appUrl = `http://127.0.0.1:${await freePort()}`;
  const redirectUri = `${appUrl}/inloggen/terug`;
  cognito = await startStandInCognito({
    clientId,
    redirectUri,
    logoutUri: `${appUrl}/inloggen`,
    idToken: () => new LocalAuth(authSecret).issue(sanne),
  });
  ({ landing, page, stop } = await productInBrowser(
    'cognito-sign-in',
    {},
    {
      port: Number(new URL(appUrl).port),
      authSecret,
      appConfig: {
        auth: { mode: 'cognito', userPoolId: 'eu-west-1_standin', clientId, domain: cognito.url, redirectUri },
      },
    },
  ));
});
afterAll(async () => {
  await stop?.();
  await cognito?.stop();
});

const stored = (key: string) => page.evaluate((k) => sessionStorage.getItem(k), key);
const sessionToken = async () =>
  (JSON.parse((await stored('landing.session')) ?? 'null') as { token: string } | null)?.token;
// What the sign-in library keeps in the tab: pending sign-ins and the signed-in user with the refresh token.
const oidcKeys = () => page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('landing.oidc.')));
const signInButton = () => page.getByRole('button', { name: 'Inloggen met je organisatie-account' });

describe('Signing in with Cognito (code flow with PKCE), in the browser', { timeout: 60_000 }, () => {
  it('refuses a callback whose state was tampered with, and stores nothing', async () => {
    // The stand-in's real answer, with another state: what a forged link to the callback looks like.
    await page.route(`${cognito.url}/oauth2/authorize?**`, async (route) => {
      const answer = await route.fetch({ maxRedirects: 0 });
      const back = new URL(answer.headers().location!);
      back.searchParams.set('state', 'vervalst');
      await route.fulfill({ status: 302, headers: { location: back.toString() } });
    });
    await page.goto(`${landing.url}/inloggen`);
    await signInButton().click();
    await page.getByRole('alert').filter({ hasText: 'niet in dit venster begonnen' }).waitFor();
    await page.unroute(`${cognito.url}/oauth2/authorize?**`);

    expect(cognito.tokenAnswers).toEqual([]);
    expect(await stored('landing.session')).toBeNull();
    expect(page.url()).toBe(`${landing.url}/inloggen/terug`);
    expect(await page.getByRole('button', { name: 'Uitloggen' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Opnieuw inloggen' }).click();
    await signInButton().waitFor();
  });

  it('signs in at the hosted pages and lands on the caseworker’s home, with her transitions', async () => {
    await page.goto(`${landing.url}/inloggen`);
    await signInButton().click();
    await page.waitForURL(`${landing.url}/vandaag`);
    await page.getByRole('heading', { name: 'Vandaag' }).waitFor();
    await page.getByRole('heading', { name: 'Signalen om op te pakken' }).waitFor();
    expect(await page.locator('header').innerText()).toContain('Sanne de Vries');
    expect(cognito.tokenAnswers).toEqual([undefined]);

    await page.getByRole('link', { name: 'Mijn trajecten' }).click();
    await expect.poll(() => page.getByRole('table').innerText()).toContain('Kees van Dijk');

    // The code and state are gone from the history: back leads to the sign-in page, not to the callback.
    await page.goBack();
    await page.goBack();
    expect(page.url()).toBe(`${landing.url}/inloggen`);
    expect(await oidcKeys()).toEqual([expect.stringMatching(/^landing\.oidc\.user:/)]);
  });

  it('sends a session the API no longer accepts back to sign in, and says why', async () => {
    await page.goto(`${landing.url}/vandaag`);
    await page.getByRole('heading', { name: 'Signalen om op te pakken' }).waitFor();
    // A token the gateway refuses, as it refuses an expired one.
    const refused = await new LocalAuth().issue(sanne);
    await page.evaluate((token) => {
      const session = JSON.parse(sessionStorage.getItem('landing.session')!) as { token: string };
      sessionStorage.setItem('landing.session', JSON.stringify({ ...session, token }));
    }, refused);
    await page.reload();
    await page.getByRole('status').filter({ hasText: 'Je sessie is verlopen' }).waitFor();
    expect(page.url()).toBe(`${landing.url}/inloggen`);
    expect(await stored('landing.session')).toBeNull();
  });

  it('ends the session with a message when Cognito refuses to renew it', async () => {
    // A token that expires within a minute is renewed at once; Cognito refuses, as for an expired refresh token.
    cognito.tokenLifetime.authorization_code = 62;
    cognito.refuseRefresh = true;
    await page.goto(`${landing.url}/inloggen`);
    await signInButton().click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Je sessie kon niet worden verlengd' })
      .waitFor({ timeout: 30_000 });

    expect(cognito.refreshAnswers).toEqual([{ error: 'invalid_grant' }]);
    expect(page.url()).toBe(`${landing.url}/inloggen`);
    expect(await stored('landing.session')).toBeNull();
    expect(await oidcKeys()).toEqual([]);
    await page.goto(`${landing.url}/vandaag`);
    await page.waitForURL(`${landing.url}/inloggen`);
    cognito.refuseRefresh = false;
  });

  it('renews the tokens before they expire: the next call carries the new ID token, without signing in again', async () => {
    cognito.tokenLifetime.authorization_code = 62;
    const signInsBefore = cognito.tokenAnswers.length;
    await page.goto(`${landing.url}/inloggen`);
    await signInButton().click();
    await page.getByRole('heading', { name: 'Vandaag' }).waitFor();
    const first = await sessionToken();

    await expect.poll(() => cognito.refreshAnswers.length, { timeout: 30_000 }).toBe(2);
    const renewed = cognito.refreshAnswers[1] as { idToken: string };
    expect(renewed.idToken).not.toBe(first);
    await expect.poll(sessionToken).toBe(renewed.idToken);
    const call = page.waitForRequest((r) => r.url().startsWith(`${landing.url}/api/transitions`));
    await page.getByRole('link', { name: 'Mijn trajecten' }).click();
    expect((await call).headers().authorization).toBe(`Bearer ${renewed.idToken}`);
    await expect.poll(() => page.getByRole('table').innerText()).toContain('Kees van Dijk');
    expect(cognito.tokenAnswers.length).toBe(signInsBefore + 1);
    cognito.tokenLifetime.authorization_code = 3600;
  });

  it('signs out at Cognito too, and comes back to the sign-in page', async () => {
    await page.goto(`${landing.url}/inloggen`);
    await signInButton().click();
    await page.getByRole('heading', { name: 'Vandaag' }).waitFor();
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.waitForURL(`${landing.url}/inloggen`);
    await signInButton().waitFor();

    expect(cognito.logouts.map((q) => Object.fromEntries(q))).toEqual([
      { client_id: clientId, logout_uri: `${landing.url}/inloggen` },
    ]);
    // The refresh token is revoked too: it would otherwise renew the session it came with for hours.
    expect(cognito.revoked).toHaveLength(1);
    expect(await stored('landing.session')).toBeNull();
    expect(await oidcKeys()).toEqual([]);
    await page.goto(`${landing.url}/vandaag`);
    await page.waitForURL(`${landing.url}/inloggen`);
  });
});
