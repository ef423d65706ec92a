import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/**
 * The demo housing corporation's receiver, as a corporation would build it: it verifies every notice's
 * Standard Webhooks signature with the `standardwebhooks` library (not Landing's own signing code), keeps
 * each `webhook-id` once (a retry is not a new notice), and shows what arrived. It can be switched off to
 * show that nothing is lost: while off it answers 503, and Landing retries.
 */
export interface ReceivedNotice {
  webhookId: string;
  type: string;
  subject?: string;
  time?: string;
  data: unknown;
  ontvangenOp: string;
  /** How many times this notice arrived (retries included); it is processed once. */
  keer: number;
}

export interface DemoReceiver {
  url: string;
  /** The address Landing delivers to. */
  webhookUrl: string;
  received(): ReceivedNotice[];
  setOnline(online: boolean): void;
  server: Server;
}

export async function startDemoReceiver(options: {
  port: number;
  secret: () => string | undefined;
  corporationNaam: string;
}): Promise<DemoReceiver> {
  const notices = new Map<string, ReceivedNotice>();
  let rejected = 0;
  let online = true;

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      res.writeHead(500);
      res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'POST' && url.pathname === '/webhooks/landing') {
      const body = await readBody(req);
      if (!online) return reply(res, 503, 'text/plain', 'Even niet bereikbaar', { 'retry-after': '5' });
      const secret = options.secret();
      try {
        if (!secret) throw new Error('no secret yet');
        const event = verifiedNotice<{ type?: string; subject?: string; time?: string; data?: unknown }>(
          req,
          body,
          secret,
        );
        const webhookId = String(req.headers['webhook-id']);
        const seen = notices.get(webhookId);
        if (seen) seen.keer += 1;
        else
          notices.set(webhookId, {
            webhookId,
            type: String(event.type),
            ...(event.subject ? { subject: event.subject } : {}),
            ...(event.time ? { time: event.time } : {}),
            data: event.data,
            ontvangenOp: new Date().toISOString(),
            keer: 1,
          });
        return reply(res, 204, 'text/plain', '');
      } catch {
        rejected += 1;
        return reply(res, 401, 'text/plain', 'Handtekening klopt niet');
      }
    }
    if (req.method === 'POST' && (url.pathname === '/aan' || url.pathname === '/uit')) {
      online = url.pathname === '/aan';
      return reply(res, 303, 'text/plain', '', { location: '/' });
    }
    if (req.method === 'GET' && url.pathname === '/meldingen.json')
      return reply(res, 200, 'application/json', JSON.stringify({ online, rejected, items: [...notices.values()] }));
    if (req.method === 'GET' && url.pathname === '/')
      return reply(
        res,
        200,
        'text/html; charset=utf-8',
        page(options.corporationNaam, online, rejected, [...notices.values()]),
      );
    return reply(res, 404, 'text/plain', 'Niet gevonden');
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    webhookUrl: `http://localhost:${(server.address() as AddressInfo).port}/webhooks/landing`,
    received: () => [...notices.values()],
    setOnline: (value) => {
      online = value;
    },
    server,
  };
}

/**
 * The notice a request carries, verified as a corporation would: with the `standardwebhooks` library, not
 * Landing's own signing code. Throws on a wrong signature or a stale timestamp.
 */
export function verifiedNotice<T>(req: IncomingMessage, body: string, secret: string): T {
  return new Webhook(secret).verify(body, headersOf(req)) as T;
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers[name] = value;
  return headers;
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function reply(
  res: ServerResponse,
  status: number,
  type: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
  res.end(body);
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function page(naam: string, online: boolean, rejected: number, items: ReceivedNotice[]): string {
  const rows = items
    .slice()
    .reverse()
    .map(
      (n) =>
        `<li><strong>${escapeHtml(n.type)}</strong> — ontvangen ${escapeHtml(new Date(n.ontvangenOp).toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam' }))}${n.keer > 1 ? ` (${n.keer} keer aangeboden, één keer verwerkt)` : ''}<br><code>webhook-id ${escapeHtml(n.webhookId)}</code><pre>${escapeHtml(JSON.stringify(n.data, null, 2))}</pre></li>`,
    )
    .join('');
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta http-equiv="refresh" content="2"><title>Ontvanger ${escapeHtml(naam)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}li{margin-bottom:1rem}pre{background:#f3f3f3;padding:.5rem;overflow:auto}</style></head>
<body><h1>Demo-ontvanger van ${escapeHtml(naam)}</h1>
<p>Elke melding wordt gecontroleerd met de Standard Webhooks-bibliotheek (handtekening en tijdstempel). Status: <strong>${online ? 'bereikbaar' : 'uit (antwoordt 503)'}</strong>.
${rejected ? ` Geweigerd wegens een ongeldige handtekening: ${rejected}.` : ''}</p>
<form method="post" action="${online ? '/uit' : '/aan'}"><button>${online ? 'Ontvanger uitzetten' : 'Ontvanger weer aanzetten'}</button></form>
<h2>Ontvangen meldingen (${items.length})</h2><ol reversed>${rows || '<li>Nog geen meldingen. Accepteer in Landing een woningaanbod van deze corporatie.</li>'}</ol></body></html>`;
}
