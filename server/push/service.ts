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
import { createMetrics } from './metrics';
import { RateLimit } from './rate-limit';
import { startPruning } from './retention';
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
  /** Enables `GET /metrics` for a scraper with this bearer token. */
  metricsToken?: string;
  /** Days finished deliveries, old notices and items gone from the feed are kept (retention.ts). */
  retentionDays?: number;
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
  const metrics = createMetrics(db);
  const sender = new Sender(db, { vapid: options.vapid, log, metrics, ...options.sender });
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
    metrics,
    metricsToken: options.metricsToken,
  });
  const server = await new Promise<ServerType>((resolve, reject) => {
    const started: ServerType = serve(
      { fetch: app.fetch, hostname: options.host ?? '127.0.0.1', port: options.port ?? 0, createServer },
      () => resolve(started),
    );
    // A port in use: the start fails with it (main.ts says so) rather than crashing later.
    started.once('error', reject);
  }).catch(async (error: unknown) => {
    await sender.close();
    await db.close();
    throw error;
  });
  const { address, port } = server.address() as AddressInfo;
  const origin = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  sender.start();
  if (options.watch !== false) watcher.start();
  const stopPruning = startPruning(db, options.retentionDays ?? 7, 3_600_000, log);
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
      await stopPruning();
      await sender.stop();
      await db.close();
    },
  };
}
