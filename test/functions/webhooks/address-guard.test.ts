import { describe, expect, it, vi } from 'vitest';
import {
  checkEndpointUrl,
  isPublicAddress,
  resolveDeliverable,
  type Lookup,
} from '../../../functions/webhooks/address-guard';

const onAws = { allowLocalHttp: false };
const locally = { allowLocalHttp: true };

/** A DNS answer for tests: every name resolves to the addresses given. */
function answers(...addresses: string[]): Lookup & ReturnType<typeof vi.fn> {
  return vi.fn(async () => addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
}

describe('isPublicAddress', () => {
  it.each([
    ['93.184.215.14', 'public IPv4'],
    ['145.97.39.155', 'public IPv4 (a Dutch host)'],
    ['8.8.8.8', 'public IPv4'],
    ['172.32.0.1', 'just above 172.16/12'],
    ['100.128.0.1', 'just above CGNAT 100.64/10'],
    ['2a00:1450:4001:82b::200e', 'public IPv6'],
    ['2606:4700:4700::1111', 'public IPv6'],
    ['::ffff:93.184.215.14', 'IPv4-mapped public address'],
    ['64:ff9b::5db8:d70e', 'NAT64 of a public address'],
  ])('lets %s through (%s)', (ip) => {
    expect(isPublicAddress(ip)).toBe(true);
  });

  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.1', 'private 10/8'],
    ['172.16.0.1', 'private 172.16/12'],
    ['172.31.255.255', 'private 172.16/12'],
    ['192.168.1.1', 'private 192.168/16'],
    ['169.254.169.254', 'instance metadata'],
    ['169.254.170.2', 'container credentials endpoint'],
    ['100.64.0.1', 'CGNAT'],
    ['100.127.255.255', 'CGNAT'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', '0.0.0.0/8'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'broadcast'],
    ['192.0.2.10', 'documentation TEST-NET-1'],
    ['198.18.0.1', 'benchmarking'],
    ['192.0.0.8', 'IETF protocol assignments'],
    ['::1', 'IPv6 loopback'],
    ['::', 'IPv6 unspecified'],
    ['fc00::1', 'unique local'],
    ['fd00:ec2::254', 'instance metadata over IPv6'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local with a zone'],
    ['febf::1', 'link-local, top of fe80::/10'],
    ['fec0::1', 'deprecated site-local'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'documentation'],
    ['2002:a00:1::1', '6to4 (tunnels to any IPv4 address)'],
    ['2001:0:4136:e378::1', 'Teredo'],
    ['100::1', 'discard'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:10.0.0.1', 'IPv4-mapped private'],
    ['::ffff:a9fe:a9fe', 'IPv4-mapped metadata, hex form'],
    ['::10.0.0.1', 'IPv4-compatible (deprecated)'],
    ['64:ff9b::a9fe:a9fe', 'NAT64 of the metadata address'],
    ['64:ff9b::10.0.0.1', 'NAT64 of a private address'],
    ['64:ff9b:1::5db8:d70e', 'local-use NAT64'],
  ])('refuses %s (%s)', (ip) => {
    expect(isPublicAddress(ip)).toBe(false);
  });

  it.each([
    ['', 'empty'],
    ['localhost', 'a name'],
    ['0x7f.0.0.1', 'hex IPv4'],
    ['0177.0.0.1', 'octal IPv4'],
    ['2130706433', 'IPv4 as one number'],
    ['127.1', 'short IPv4'],
    ['[::1]', 'IPv6 in brackets'],
    ['256.1.1.1', 'out of range'],
    ['93.184.215.14 ', 'trailing space'],
  ])('refuses what is not a canonical address: %j (%s)', (ip) => {
    expect(isPublicAddress(ip)).toBe(false);
  });
});

describe('checkEndpointUrl', () => {
  it('accepts an https URL with a public name, port and path', () => {
    expect(checkEndpointUrl('https://webhooks.woonstad.example/landing/events?bron=landing', onAws)).toEqual({
      ok: true,
    });
    expect(checkEndpointUrl('https://webhooks.woonstad.example:8443/landing', onAws)).toEqual({ ok: true });
    expect(checkEndpointUrl('https://93.184.215.14/hook', onAws)).toEqual({ ok: true });
  });

  it.each([
    ['http://webhooks.woonstad.example/landing', 'not-https'],
    ['ftp://webhooks.woonstad.example/landing', 'not-https'],
    ['http://localhost:3000/hook', 'not-https'],
    ['http://127.0.0.1:3000/hook', 'not-https'],
    ['https://user:geheim@webhooks.woonstad.example/', 'credentials-in-url'],
    ['https://token@webhooks.woonstad.example/', 'credentials-in-url'],
    ['webhooks.woonstad.example/landing', 'invalid-url'],
    ['', 'invalid-url'],
    ['https://169.254.169.254/latest/meta-data/', 'blocked-address'],
    ['https://10.0.0.1/hook', 'blocked-address'],
    ['https://[::1]/hook', 'blocked-address'],
    ['https://[::ffff:10.0.0.1]/hook', 'blocked-address'],
    ['https://0x7f.1/hook', 'blocked-address'],
    ['https://2130706433/hook', 'blocked-address'],
    ['https://localhost/hook', 'blocked-address'],
    ['https://localhost./hook', 'blocked-address'],
    ['https://admin.localhost/hook', 'blocked-address'],
  ])('refuses %s on AWS (%s)', (url, code) => {
    const result = checkEndpointUrl(url, onAws);
    expect(result).toMatchObject({ ok: false, code });
    expect(result.ok || result.reden.length > 0).toBe(true);
  });

  it('gives a Dutch reason', () => {
    expect(checkEndpointUrl('http://webhooks.woonstad.example/', onAws)).toEqual({
      ok: false,
      code: 'not-https',
      reden: 'Alleen https-adressen zijn toegestaan.',
    });
  });

  it.each([
    'http://localhost:3000/hook',
    'http://127.0.0.1:3000/hook',
    'http://[::1]:3000/hook',
    'https://localhost:3443/hook',
  ])('accepts %s in local development', (url) => {
    expect(checkEndpointUrl(url, locally)).toEqual({ ok: true });
  });

  it('still refuses in local development: plain http elsewhere, credentials, other internal addresses', () => {
    expect(checkEndpointUrl('http://webhooks.woonstad.example/', locally)).toMatchObject({ code: 'not-https' });
    expect(checkEndpointUrl('http://127.0.0.2:3000/', locally)).toMatchObject({ code: 'not-https' });
    expect(checkEndpointUrl('http://user:pw@localhost:3000/', locally)).toMatchObject({ code: 'credentials-in-url' });
    expect(checkEndpointUrl('https://169.254.169.254/', locally)).toMatchObject({ code: 'blocked-address' });
  });
});

describe('resolveDeliverable', () => {
  it('delivers to a name that resolves to public addresses only', async () => {
    const lookup = answers('93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c');
    await expect(resolveDeliverable('https://webhooks.woonstad.example/hook', { ...onAws, lookup })).resolves.toEqual({
      ok: true,
      addresses: ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
    });
    expect(lookup).toHaveBeenCalledWith('webhooks.woonstad.example', { all: true });
  });

  it.each(['169.254.169.254', '10.0.0.1', 'fd00:ec2::254', '::ffff:127.0.0.1'])(
    'refuses a name that resolves to %s',
    async (address) => {
      const result = await resolveDeliverable('https://webhooks.woonstad.example/hook', {
        ...onAws,
        lookup: answers(address),
      });
      expect(result).toMatchObject({ ok: false, code: 'blocked-address' });
    },
  );

  it('refuses a name with one public and one private address', async () => {
    const lookup = answers('93.184.215.14', '10.0.0.1');
    await expect(
      resolveDeliverable('https://webhooks.woonstad.example/hook', { ...onAws, lookup }),
    ).resolves.toMatchObject({
      ok: false,
      code: 'blocked-address',
    });
  });

  it('reports a name that does not resolve', async () => {
    const notFound: Lookup = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
    };
    await expect(
      resolveDeliverable('https://nergens.example/hook', { ...onAws, lookup: notFound }),
    ).resolves.toMatchObject({
      ok: false,
      code: 'unresolvable',
    });
    await expect(
      resolveDeliverable('https://leeg.example/hook', { ...onAws, lookup: answers() }),
    ).resolves.toMatchObject({
      ok: false,
      code: 'unresolvable',
    });
  });

  it('refuses the URL rules before asking DNS', async () => {
    const lookup = answers('93.184.215.14');
    await expect(resolveDeliverable('http://webhooks.woonstad.example/', { ...onAws, lookup })).resolves.toMatchObject({
      code: 'not-https',
    });
    expect(lookup).not.toHaveBeenCalled();
  });

  it('judges an IP address in the URL without DNS', async () => {
    const lookup = answers('10.0.0.1');
    await expect(resolveDeliverable('https://93.184.215.14/hook', { ...onAws, lookup })).resolves.toEqual({
      ok: true,
      addresses: ['93.184.215.14'],
    });
    expect(lookup).not.toHaveBeenCalled();
  });

  it('allows a loopback receiver in local development, when it resolves to loopback', async () => {
    await expect(resolveDeliverable('http://127.0.0.1:3000/hook', locally)).resolves.toEqual({
      ok: true,
      addresses: ['127.0.0.1'],
    });
    await expect(resolveDeliverable('http://[::1]:3000/hook', locally)).resolves.toEqual({
      ok: true,
      addresses: ['::1'],
    });
    await expect(
      resolveDeliverable('http://localhost:3000/hook', { ...locally, lookup: answers('127.0.0.1', '::1') }),
    ).resolves.toEqual({ ok: true, addresses: ['127.0.0.1', '::1'] });
    await expect(
      resolveDeliverable('http://localhost:3000/hook', { ...locally, lookup: answers('10.0.0.1') }),
    ).resolves.toMatchObject({ ok: false, code: 'blocked-address' });
  });

  it('still refuses a name resolving to a private address in local development', async () => {
    const result = await resolveDeliverable('https://webhooks.woonstad.example/hook', {
      ...locally,
      lookup: answers('169.254.169.254'),
    });
    expect(result).toMatchObject({ ok: false, code: 'blocked-address' });
  });

  it('resolves with the system resolver when no lookup is given', async () => {
    await expect(resolveDeliverable('http://localhost:3000/hook', locally)).resolves.toMatchObject({ ok: true });
  });
});
