/**
 * A counting push service for the benchmark (`npm run bench:push`): it answers 201 to every
 * well-formed request as fast as it can, and checks one request in `checkEvery` as the fake of
 * the tests does (VAPID signature, audience and key; aes128gcm decrypted with the subscriber's
 * private key), so that checking does not eat the CPU the sender is measured on.
 *
 * It runs as its own process (`tsx server/push/testing/counting-sink.ts <config.json>`) and
 * says `{"origin": …}` on its first stdout line. With `tls`, it speaks HTTPS with HTTP/2 and
 * HTTP/1.1 (ALPN), as browsers' push services do; the sender must trust `cert`.
 *
 * Endpoints are `<origin>/wpush/<key index>/<n>`: the subscribers share a few key pairs (making
 * 100,000 pairs would cost the benchmark minutes), which changes nothing for the sender, who
 * makes a new ephemeral key and secret for every message all the same (RFC 8291).
 * `GET /stats` answers the counts.
 */
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createSecureServer, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { checkVapid, decrypt } from './fake-push-service';

export interface SinkConfig {
  /** The VAPID public key subscriptions were made with. */
  applicationServerKey: string;
  /** Subscribers' private keys and auth secrets (base64url), by key index. */
  subscribers: { privateKey: string; authSecret: string }[];
  checkEvery: number;
  tls?: { key: string; cert: string };
}

export interface SinkStats {
  received: number;
  checked: number;
  /** Requests refused by a check, with the first reasons. */
  refused: number;
  errors: string[];
  http2: number;
}

export async function startCountingSink(
  config: SinkConfig,
): Promise<{ origin: string; close(): Promise<void> }> {
  const stats: SinkStats = { received: 0, checked: 0, refused: 0, errors: [], http2: 0 };
  const keys = config.subscribers.map((s) => ({
    privateKey: Buffer.from(s.privateKey, 'base64url'),
    authSecret: Buffer.from(s.authSecret, 'base64url'),
  }));
  let origin = '';

  const handle = (
    request: IncomingMessage | Http2ServerRequest,
    response: ServerResponse | Http2ServerResponse,
  ) => {
    const path = request.url ?? '/';
    if (request.method === 'GET' && path === '/stats') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(stats));
      return;
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      stats.received++;
      if (request.httpVersionMajor === 2) stats.http2++;
      let status = 201;
      if (stats.received % config.checkEvery === 0) {
        stats.checked++;
        try {
          const [, , index] = path.split('/');
          const subscriber = keys[Number(index)];
          if (!subscriber) throw new Error('no such subscription');
          checkVapid(String(request.headers.authorization ?? ''), origin, config.applicationServerKey);
          if (request.headers['content-encoding'] !== 'aes128gcm') throw new Error('not aes128gcm');
          JSON.parse(decrypt(Buffer.concat(chunks), subscriber).toString('utf8'));
        } catch (error) {
          stats.refused++;
          if (stats.errors.length < 5) stats.errors.push((error as Error).message);
          status = 400;
        }
      }
      response.writeHead(status);
      response.end();
    });
  };

  const server = config.tls
    ? createSecureServer(
        { ...config.tls, allowHTTP1: true, settings: { maxConcurrentStreams: 1000 } },
        handle,
      )
    : createHttpServer({ keepAliveTimeout: 60_000 }, handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `${config.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  return {
    origin,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

if (process.argv[1]?.endsWith('counting-sink.ts') && process.argv[2]) {
  const config = JSON.parse(readFileSync(process.argv[2], 'utf8')) as SinkConfig;
  const sink = await startCountingSink(config);
  process.stdout.write(`${JSON.stringify({ origin: sink.origin, pid: process.pid })}\n`);
}
