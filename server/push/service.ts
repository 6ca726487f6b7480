/**
 * The push service, assembled: database, HTTP API, feed watcher and sender. `main.ts` starts it
 * from the environment; tests start it with their own options.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createApi, endpointAllowed } from './api';
import { openDatabase, type Database, type DatabaseOptions } from './db';
import { createLog, type Log } from './log';
import { RateLimit } from './rate-limit';
import { Sender, type SenderOptions, type VapidKeys } from './send';
import { FeedWatcher } from './watch';

export interface ServiceOptions {
  database: DatabaseOptions;
  vapid: VapidKeys;
  /** The published feed to watch. */
  feedUrl: string;
  pollMs?: number;
  host?: string;
  /** 0: any free port. */
  port?: number;
  basePath?: string;
  /** Push service hosts allowed besides the browsers' own (`host` or `host:port`; tests: 127.0.0.1:…). */
  endpointHosts?: readonly string[];
  trustProxy?: boolean;
  /** Requests per client and minute. */
  rateLimit?: number;
  notifyToken?: string;
  /** The app's origins when it is on another host than the service (CORS). */
  allowOrigins?: readonly string[];
  log?: Log;
  sender?: Omit<SenderOptions, 'vapid' | 'log'>;
  /** Tests drive the watcher by hand. */
  watch?: boolean;
  fetch?: typeof fetch;
}

export interface PushService {
  /** `http://host:port` the API listens on. */
  origin: string;
  basePath: string;
  db: Database;
  sender: Sender;
  watcher: FeedWatcher;
  close(): Promise<void>;
}

export async function startPushService(options: ServiceOptions): Promise<PushService> {
  const log = options.log ?? createLog();
  const basePath = options.basePath ?? '/push';
  const db = await openDatabase(options.database);
  const sender = new Sender(db, { vapid: options.vapid, log, ...options.sender });
  const watcher = new FeedWatcher(db, {
    feedUrl: options.feedUrl,
    intervalMs: options.pollMs ?? 60_000,
    log,
    onNotices: () => sender.wake(),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const app = createApi({
    basePath,
    publicKey: options.vapid.publicKey,
    sql: db,
    log,
    limiter: new RateLimit(options.rateLimit ?? 60, 60_000),
    allowEndpoint: (url) => endpointAllowed(url, options.endpointHosts ?? []),
    trustProxy: options.trustProxy ?? false,
    notifyToken: options.notifyToken,
    poll: () => watcher.poll(),
    allowOrigins: options.allowOrigins ?? [],
  });
  const server = await new Promise<ServerType>((resolve) => {
    const started: ServerType = serve(
      { fetch: app.fetch, hostname: options.host ?? '127.0.0.1', port: options.port ?? 0, createServer },
      () => resolve(started),
    );
  });
  const { address, port } = server.address() as AddressInfo;
  const origin = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  sender.start();
  if (options.watch !== false) watcher.start();
  log('started', { origin, basePath, database: db.kind, feed: options.feedUrl });
  return {
    origin,
    basePath,
    db,
    sender,
    watcher,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await watcher.stop();
      await sender.stop();
      await db.close();
    },
  };
}
