import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningLanding } from '../../infra/local/landing';
import { productInBrowser, signInAs as signInAsDemoUser } from '../support/browser';

let landing: RunningLanding;
let page: Page;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ landing, page, stop } = await productInBrowser('corporations-ui'));
});
afterAll(() => stop?.());

const newUrl = 'https://ontvanger.example.org/landing';
const nav = () => page.getByRole('navigation', { name: 'Hoofdmenu' });
const endpoint = (url: string) => page.getByRole('region', { name: url, exact: true });
const demoEndpoint = () => endpoint(landing.receiver!.webhookUrl);

const signInAs = (name: RegExp) => signInAsDemoUser(page, landing, name);

describe('Corporaties in the browser: endpoints, secrets shown once, test notices, API keys', {
  timeout: 60_000,
}, () => {
  it('a begeleider has no Corporaties in the menu', async () => {
    await signInAs(/Sanne de Vries/);
    await expect.poll(() => nav().getByRole('link', { name: 'Mijn trajecten' }).count()).toBe(1);
    expect(await nav().getByRole('link', { name: 'Corporaties' }).count()).toBe(0);
  });

  it('the beheerder starts at Corporaties and sees the demo endpoint at Woonstichting Rijnhoven', async () => {
    await signInAs(/Bram Koster/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Corporaties');
    expect(await nav().getByRole('link', { name: 'Corporaties' }).getAttribute('aria-current')).toBe('page');

    await page.getByLabel('Corporatie', { exact: true }).selectOption({ label: 'Vecht en Vaart Wonen' });
    await expect
      .poll(() => page.locator('main').innerText())
      .toContain('Er is nog geen endpoint bij Vecht en Vaart Wonen');
    expect(page.url()).toContain('corporatie=org-vechtvaart');

    await page.getByLabel('Corporatie', { exact: true }).selectOption({ label: 'Woonstichting Rijnhoven' });
    await expect.poll(() => demoEndpoint().count()).toBe(1);
    const card = demoEndpoint();
    const text = await card.innerText();
    expect(text).toContain('Aan');
    expect(text).toContain('Woningaanbod geaccepteerd');
    expect(text).toMatch(/Aangemaakt op .+, vervalt niet/);
    expect(text).toMatch(/\d+ afgeleverd, \d+ wachtend, \d+ geparkeerd/);
    expect(text).not.toContain('whsec_');
  });

  it('refuses a plain-http endpoint with the message at the field', async () => {
    await page.getByLabel('URL van het endpoint').fill('http://ontvanger.example.org/landing');
    await page.getByRole('button', { name: 'Endpoint toevoegen' }).click();
    const url = page.getByLabel('URL van het endpoint');
    await expect.poll(() => url.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#endpoint-url-error').innerText()).toBe('Alleen https-adressen zijn toegestaan.');
  });

  it('adds a second endpoint and shows its secret once: after a reload it is gone', async () => {
    for (const kind of ['Woningaanbod geaccepteerd', 'Verhuisd', 'Traject beëindigd']) {
      expect(await page.getByLabel(kind, { exact: true }).isChecked()).toBe(true);
    }
    await page.getByLabel('Verhuisd', { exact: true }).uncheck();
    await page.getByLabel('URL van het endpoint').fill(newUrl);
    await page.getByRole('button', { name: 'Endpoint toevoegen' }).click();

    const once = page.getByRole('region', { name: `Secret van ${newUrl}` });
    await expect.poll(() => once.count()).toBe(1);
    expect(await once.innerText()).toContain('Bewaar dit secret nu: het wordt niet opnieuw getoond');
    expect(await once.innerText()).toContain('webhook-signature');
    const secret = await once.getByTestId('once-value').innerText();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    expect(await once.evaluate((el) => el === document.activeElement)).toBe(true);

    await expect.poll(() => endpoint(newUrl).count()).toBe(1);
    const card = await endpoint(newUrl).innerText();
    expect(card).toContain('Woningaanbod geaccepteerd');
    expect(
      await endpoint(newUrl)
        .getByRole('listitem')
        .filter({ hasText: /^Verhuisd$/ })
        .count(),
    ).toBe(0);
    expect(card).not.toContain(secret);

    await page.reload();
    await expect.poll(() => endpoint(newUrl).count()).toBe(1);
    await expect.poll(() => demoEndpoint().count()).toBe(1);
    expect(await page.getByRole('region', { name: `Secret van ${newUrl}` }).count()).toBe(0);
    expect(await page.content()).not.toContain(secret);
    expect(await page.content()).not.toContain('whsec_');
    const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage, ...localStorage }));
    expect(stored).not.toContain(secret);
  });

  it('switches the new endpoint off and on, and rotates its secret with an overlap', async () => {
    const card = endpoint(newUrl);
    await card.getByRole('button', { name: 'Endpoint uitzetten' }).click();
    await expect.poll(() => card.innerText()).toContain('Uitgezet door een beheerder');
    await expect.poll(() => card.getByRole('status').first().innerText()).toContain('Endpoint uitgezet');
    await card.getByRole('button', { name: 'Endpoint aanzetten' }).click();
    await expect.poll(() => card.innerText()).not.toContain('Uitgezet door een beheerder');

    await card.locator('summary', { hasText: 'Secret roteren' }).click();
    expect(await card.getByLabel('Overlap in uren (0 tot 168)').inputValue()).toBe('24');
    await card.getByRole('button', { name: 'Nieuw secret maken' }).click();
    const once = card.getByRole('region', { name: 'Nieuw secret' });
    await expect.poll(() => once.count()).toBe(1);
    expect(await once.getByTestId('once-value').innerText()).toMatch(/^whsec_/);
    await expect
      .poll(() => card.getByRole('list', { name: 'Secrets' }).innerText())
      .toMatch(/vervalt op .+\n.*vervalt|vervalt niet\n.*vervalt op/);
    await once.getByRole('button', { name: 'Ik heb het bewaard: verbergen' }).click();
    expect(await card.innerText()).not.toContain('whsec_');
  });

  it('sends a test notice to the demo endpoint and sees it delivered in the log', async () => {
    const card = demoEndpoint();
    const before = landing.receiver!.received().length;
    await card.getByRole('button', { name: 'Testmelding sturen' }).click();
    await expect.poll(() => card.getByRole('status').first().innerText()).toMatch(/Testmelding (verstuurd|afgeleverd)/);

    const log = card.getByRole('list', { name: 'Afleveringen, nieuwste eerst' });
    const test = log.locator(':scope > li').filter({ hasText: 'Testmelding' }).first();
    await expect.poll(() => test.innerText().catch(() => ''), { timeout: 20_000 }).toContain('Afgeleverd');
    expect(await test.innerText()).toMatch(/HTTP 2\d\d, \d+ ms/);
    await expect.poll(() => card.getByRole('status').first().innerText()).toContain('Testmelding afgeleverd');
    expect(landing.receiver!.received().length).toBeGreaterThan(before);
    expect(landing.receiver!.received().some((n) => n.type === 'nl.beschermdthuis.test')).toBe(true);
    await expect.poll(() => card.innerText()).not.toContain('Nog nooit');
  });

  it('creates an API key, shows it once, and revokes it', async () => {
    await page.getByRole('button', { name: 'Nieuwe API-sleutel maken' }).click();
    const once = page.getByRole('region', { name: 'Nieuwe API-sleutel' });
    await expect.poll(() => once.count()).toBe(1);
    expect(await once.innerText()).toContain('Bewaar deze sleutel nu: hij wordt niet opnieuw getoond');
    const apiKey = await once.getByTestId('once-value').innerText();
    expect(apiKey).toMatch(/^lnd_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
    const prefix = apiKey.split('_')[1]!;

    const keys = page.getByRole('list', { name: 'API-sleutels van Woonstichting Rijnhoven' });
    await expect.poll(() => keys.innerText()).toContain(`lnd_${prefix}_…`);
    expect(await keys.innerText()).not.toContain(apiKey);

    await page.getByRole('button', { name: 'Ik heb het bewaard: verbergen' }).click();
    expect(await once.count()).toBe(0);
    expect(await page.content()).not.toContain(apiKey);

    await keys.getByRole('button', { name: new RegExp(`^Intrekken\\s*: API-sleutel lnd_${prefix}_…$`) }).click();
    const question = page.getByRole('dialog', { name: `API-sleutel lnd_${prefix}_… intrekken?` });
    expect(await question.innerText()).toContain('krijgen dan meteen geen toegang meer');
    await question.getByRole('button', { name: 'Sleutel intrekken' }).click();
    await expect.poll(() => keys.innerText().catch(() => '')).not.toContain(prefix);
    const section = page.getByRole('region', { name: 'API-sleutels', exact: true });
    await expect.poll(() => section.getByRole('status').first().innerText()).toContain('ingetrokken');
  });
});
