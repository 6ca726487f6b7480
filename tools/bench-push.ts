/**
 * `npm run bench:push`: how fast the push service fans an urgent notice out, against a counting
 * push service on this machine (server/push/testing/counting-sink.ts, its own process, HTTPS
 * with HTTP/2, checking and decrypting one message in 100).
 *
 * For each configuration: a fresh database holding N subscriptions (on a throwaway PostgreSQL
 * server, scripts/pg-server.ts, or on PGlite), the feed's first read (the baseline), then the
 * timed part: the read that finds the typhoon notice and queues its N deliveries, and P sender
 * processes (tools/bench-push-sender.ts) that send them all. Printed per configuration:
 * messages per second (wall), messages per CPU-second of the senders and of PostgreSQL, time to
 * reach everyone (queueing included), each sender's peak memory, and the database's size per
 * million deliveries. The sender of `BASELINE` (the one before this benchmark) runs in the
 * same run. Each configuration runs `--runs` times; figures are medians. Writes
 * bench/push-results.json. Nothing asserts a time.
 *
 * `npm run bench:push -- [--runs 3] [--only name,name] [--profile]`
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createECDH, randomBytes } from 'node:crypto';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { openDatabase, type Database, type DatabaseOptions } from '../server/push/db';
import { generateKeys } from '../server/push/keys';
import { ingestFeed } from '../server/push/notices';
import type { SinkConfig, SinkStats } from '../server/push/testing/counting-sink';
import { BEFORE, FEED_URL, NEWS, feed } from '../server/push/testing/feeds';
import { startPostgres } from '../scripts/pg-server';

/** The sender this benchmark compares with: the service as it was before issue 24. */
const BASELINE = '174bc7d139404917bff8abaf59c44f42aa6864b1';

interface Config {
  name: string;
  sender: 'baseline' | 'current';
  database: 'postgres' | 'pglite';
  subscriptions: number;
  processes: number;
}

// The 10,000s run `--runs` times (medians); the 100,000s once each by default, as one takes
// minutes on a shared 2-core machine (`--big-runs`); the million only when named in `--only`.
const CONFIGS: Config[] = [
  { name: 'baseline-pg-10k', sender: 'baseline', database: 'postgres', subscriptions: 10_000, processes: 1 },
  { name: 'current-pg-10k-1', sender: 'current', database: 'postgres', subscriptions: 10_000, processes: 1 },
  { name: 'current-pg-10k-2', sender: 'current', database: 'postgres', subscriptions: 10_000, processes: 2 },
  { name: 'current-pg-10k-4', sender: 'current', database: 'postgres', subscriptions: 10_000, processes: 4 },
  {
    name: 'current-pg-100k-1',
    sender: 'current',
    database: 'postgres',
    subscriptions: 100_000,
    processes: 1,
  },
  {
    name: 'current-pg-100k-2',
    sender: 'current',
    database: 'postgres',
    subscriptions: 100_000,
    processes: 2,
  },
  {
    name: 'current-pg-100k-4',
    sender: 'current',
    database: 'postgres',
    subscriptions: 100_000,
    processes: 4,
  },
  {
    name: 'current-pglite-100k',
    sender: 'current',
    database: 'pglite',
    subscriptions: 100_000,
    processes: 1,
  },
  {
    name: 'current-pg-1m-2',
    sender: 'current',
    database: 'postgres',
    subscriptions: 1_000_000,
    processes: 2,
  },
];

const args = process.argv.slice(2);
const flag = (name: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
};
const runs = Number(flag('runs') ?? 3);
const bigRuns = Number(flag('big-runs') ?? 1);
const only = flag('only')?.split(',');
const profile = args.includes('--profile');
const configs = CONFIGS.filter((c) => (only ? only.includes(c.name) : !c.name.includes('-1m-')));
const root = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'citylink-bench-push-'));

// A certificate for 127.0.0.1 that the senders trust (NODE_EXTRA_CA_CERTS): push services speak TLS.
execFileSync(
  'openssl',
  [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
    '-keyout',
    join(work, 'key.pem'),
    '-out',
    join(work, 'cert.pem'),
  ],
  { stdio: 'ignore' },
);

const vapid = { ...generateKeys(), subject: 'mailto:push-bench@citylink.invalid' };
const KEY_PAIRS = 16;
const subscribers = Array.from({ length: KEY_PAIRS }, () => {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return {
    publicKey: ecdh.getPublicKey('base64url'),
    privateKey: ecdh.getPrivateKey('base64url'),
    authSecret: randomBytes(16).toString('base64url'),
  };
});
const sinkConfig: SinkConfig = {
  applicationServerKey: vapid.publicKey,
  subscribers,
  checkEvery: 100,
  tls: {
    key: readFileSync(join(work, 'key.pem'), 'utf8'),
    cert: readFileSync(join(work, 'cert.pem'), 'utf8'),
  },
};
writeFileSync(join(work, 'sink.json'), JSON.stringify(sinkConfig));

const tsx = join(root, 'node_modules/.bin/tsx');
const sink = spawn(tsx, [join(root, 'server/push/testing/counting-sink.ts'), join(work, 'sink.json')], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const sinkOrigin = await new Promise<string>((done) =>
  sink.stdout.once('data', (chunk: Buffer) =>
    done((JSON.parse(chunk.toString()) as { origin: string }).origin),
  ),
);
const sinkStats = async (): Promise<SinkStats> => {
  const { default: https } = await import('node:https');
  return new Promise((done, fail) => {
    https
      .get(`${sinkOrigin}/stats`, { ca: sinkConfig.tls!.cert }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => done(JSON.parse(body) as SinkStats));
      })
      .on('error', fail);
  });
};

// The baseline sender, as it was: its file from git, beside today's so its imports resolve.
const baselineModule = join(root, 'server/push/.bench-baseline-send.ts');
writeFileSync(
  baselineModule,
  execFileSync('git', ['show', `${BASELINE}:server/push/send.ts`], { cwd: root }),
);

const postgres = configs.some((c) => c.database === 'postgres')
  ? await startPostgres(['shared_buffers=128MB', 'max_connections=50'])
  : undefined;

/** The PostgreSQL server's main process: the one whose command line names its port. */
const postmaster = postgres
  ? Number(
      procs().find((pid) => {
        try {
          return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(`-p ${new URL(postgres.url).port}`);
        } catch {
          return false;
        }
      }) ?? 0,
    )
  : 0;

function procs(): string[] {
  return readdirSync('/proc').filter((name) => /^\d+$/.test(name));
}

/** CPU time (ms) so far of the PostgreSQL server: its main process and its children (backends). */
function postgresCpuMs(): number {
  let total = 0;
  for (const pid of procs()) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pid) !== postmaster && Number(fields[1]) !== postmaster) continue;
      // utime and stime, in clock ticks (USER_HZ, 100 on Linux).
      total += (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      // Gone meanwhile.
    }
  }
  return total;
}

let serial = 0;
async function freshDatabase(config: Config): Promise<{ options: DatabaseOptions; drop(): Promise<void> }> {
  if (config.database === 'pglite') {
    const dir = join(work, `pglite-${++serial}`);
    return {
      options: { dataDir: dir },
      drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
    };
  }
  const name = `bench_${++serial}`;
  const admin = new pg.Client({ connectionString: postgres!.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(postgres!.url);
  url.pathname = `/${name}`;
  return {
    options: { url: url.href },
    async drop() {
      const client = new pg.Client({ connectionString: postgres!.url });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

async function seed(db: Database, count: number): Promise<void> {
  // Subscribers share KEY_PAIRS key pairs; each has its own endpoint (see counting-sink.ts).
  for (let start = 0; start < count; start += 100_000) {
    await db.query(
      `INSERT INTO subscriptions (endpoint, p256dh, auth, language, urgent, events)
       SELECT $1 || '/wpush/' || (i % $5) || '/' || i, ($2::text[])[i % $5 + 1], ($3::text[])[i % $5 + 1],
              CASE WHEN i % 3 = 0 THEN 'zh-Hans' ELSE 'en' END, true, false
       FROM generate_series($4::int, $6::int) AS i`,
      [
        sinkOrigin,
        subscribers.map((s) => s.publicKey),
        subscribers.map((s) => s.authSecret),
        start,
        KEY_PAIRS,
        Math.min(count, start + 100_000) - 1,
      ],
    );
  }
  await ingestFeed(db, FEED_URL, feed(BEFORE), Date.now());
}

interface SenderReport {
  sent: number;
  wallMs: number;
  cpuMs: number;
  maxRssMB: number;
}

function startSender(
  config: Config,
  database: DatabaseOptions,
  index: number,
): { ready: Promise<void>; go(): void; done: Promise<SenderReport> } {
  const env = {
    ...process.env,
    NODE_EXTRA_CA_CERTS: join(work, 'cert.pem'),
    BENCH_VAPID: JSON.stringify(vapid),
    ...('url' in database ? { DATABASE_URL: database.url } : { BENCH_PGLITE_DIR: database.dataDir }),
    ...(config.sender === 'baseline' ? { BENCH_SENDER_MODULE: baselineModule } : {}),
  };
  const nodeArgs = profile
    ? ['--cpu-prof', `--cpu-prof-dir=${join(root, '.bench/push-profiles', `${config.name}-${index}`)}`]
    : [];
  const child = spawn(
    process.execPath,
    [...nodeArgs, '--import', 'tsx', join(root, 'tools/bench-push-sender.ts')],
    {
      env,
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  let out = '';
  let readyLine: () => void;
  const ready = new Promise<void>((done) => (readyLine = done));
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (out.includes('ready\n')) readyLine();
  });
  const done = new Promise<SenderReport>((finish, fail) =>
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (code !== 0 || !line) fail(new Error(`sender ${index} of ${config.name} exited ${code}`));
      else finish(JSON.parse(line) as SenderReport);
    }),
  );
  return { ready, go: () => child.stdin.end('go\n'), done };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

interface RunResult {
  queueMs: number;
  reachAllMs: number;
  perSecond: number;
  perSenderCpuSecond: number;
  perTotalCpuSecond: number;
  postgresCpuMs: number;
  senderCpuMs: number;
  maxRssMB: number;
  bytesPerMillion: number;
  checked: number;
  refused: number;
  http2: number;
}

async function runOnce(config: Config): Promise<RunResult> {
  const fresh = await freshDatabase(config);
  let db = await openDatabase(fresh.options);
  await seed(db, config.subscriptions);
  if (config.database === 'pglite') await db.close();
  const senders = Array.from({ length: config.processes }, (_, i) => startSender(config, fresh.options, i));
  await Promise.all(senders.map((s) => s.ready));
  if (config.database === 'pglite') db = undefined as unknown as Database;
  const before = await sinkStats();
  const pgBefore = postgresCpuMs();
  const started = performance.now();
  // PGlite has one owner: there the sender process reads the feed itself (BENCH_INGEST).
  let queueMs = 0;
  if (db) {
    await ingestFeed(db, FEED_URL, feed([...NEWS, ...BEFORE]), Date.now());
    queueMs = performance.now() - started;
  }
  for (const s of senders) s.go();
  const reports = await Promise.all(senders.map((s) => s.done));
  const reachAllMs = performance.now() - started;
  const pgCpu = postgresCpuMs() - pgBefore;
  const after = await sinkStats();
  const sent = reports.reduce((sum, r) => sum + r.sent, 0);
  if (sent !== config.subscriptions || after.received - before.received !== config.subscriptions) {
    throw new Error(
      `${config.name}: ${sent} sent, ${after.received - before.received} received of ${config.subscriptions}`,
    );
  }
  if (!db) db = await openDatabase(fresh.options);
  const [size] = await db.query<{ bytes: string }>(
    `SELECT (pg_total_relation_size('deliveries') + pg_total_relation_size('notices'))::text AS bytes`,
  );
  await db.close();
  await fresh.drop();
  const senderCpuMs = reports.reduce((sum, r) => sum + r.cpuMs, 0);
  return {
    queueMs: Math.round(queueMs),
    reachAllMs: Math.round(reachAllMs),
    perSecond: Math.round(sent / (reachAllMs / 1000)),
    perSenderCpuSecond: Math.round(sent / (senderCpuMs / 1000)),
    perTotalCpuSecond: Math.round(sent / ((senderCpuMs + pgCpu) / 1000)),
    postgresCpuMs: Math.round(pgCpu),
    senderCpuMs,
    maxRssMB: Math.max(...reports.map((r) => r.maxRssMB)),
    bytesPerMillion: Math.round((Number(size!.bytes) / config.subscriptions) * 1_000_000),
    checked: after.checked - before.checked,
    refused: after.refused - before.refused,
    http2: after.http2 - before.http2,
  };
}

// Stopped early (Ctrl-C): the server, the sink and the baseline's file go all the same.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    cleanUp();
    process.exit(130);
  });
}
function cleanUp(): void {
  sink.kill();
  postgres?.stop();
  rmSync(baselineModule, { force: true });
  rmSync(work, { recursive: true, force: true });
}

const results: Record<string, { config: Config; runs: RunResult[]; median: Record<string, number> }> = {};
const load: number[] = [];
try {
  for (const config of configs) {
    const list: RunResult[] = [];
    for (let run = 0; run < (config.subscriptions > 10_000 ? bigRuns : runs); run++) {
      load.push(loadavg()[0]!);
      const result = await runOnce(config);
      list.push(result);
      console.log(JSON.stringify({ config: config.name, run, ...result }));
    }
    const keys = Object.keys(list[0]!) as (keyof RunResult)[];
    results[config.name] = {
      config,
      runs: list,
      median: Object.fromEntries(keys.map((key) => [key, median(list.map((r) => r[key]))])),
    };
  }
} finally {
  cleanUp();
}

console.log(
  '\nconfiguration | msg/s (wall) | msg per sender CPU-s | msg per CPU-s incl. PostgreSQL | reach all | peak RSS per sender | DB per million',
);
for (const [name, { median: m }] of Object.entries(results)) {
  console.log(
    `${name} | ${m.perSecond} | ${m.perSenderCpuSecond} | ${m.perTotalCpuSecond} | ${(m.reachAllMs! / 1000).toFixed(1)} s | ${m.maxRssMB} MB | ${(m.bytesPerMillion! / 1e6).toFixed(0)} MB`,
  );
}
const base = results['baseline-pg-10k']?.median;
const mine = results['current-pg-10k-1']?.median;
if (base && mine) {
  console.log(
    `\ncurrent / baseline, 10,000 on PostgreSQL, one sender: ${(mine.perSenderCpuSecond! / base.perSenderCpuSecond!).toFixed(1)}x per sender CPU-second, ${(mine.perSecond! / base.perSecond!).toFixed(1)}x wall`,
  );
}
console.log(
  `load average (1 min) at the runs' starts: ${Math.min(...load).toFixed(1)} to ${Math.max(...load).toFixed(1)}; medians of ${runs} runs (10,000s), ${bigRuns} (larger)`,
);
mkdirSync(join(root, 'bench'), { recursive: true });
writeFileSync(
  join(root, 'bench/push-results.json'),
  `${JSON.stringify({ date: new Date().toISOString(), runs, load, results }, null, 2)}\n`,
);
if (existsSync(join(root, '.bench/push-profiles'))) console.log('profiles in .bench/push-profiles');
