/**
 * The push service's storage: PostgreSQL, through one small interface over two drivers.
 * - PGlite (Postgres compiled to WebAssembly, persisted to a folder): the default, so that
 *   `npm run push` needs nothing installed. One process owns the folder.
 * - A PostgreSQL server (`DATABASE_URL`), through `pg`: the same SQL, for a city's scale, where
 *   several senders share the work through `FOR UPDATE SKIP LOCKED` (send.ts).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { writeTemplate } from './pglite-template';
import { SCHEMA } from './schema';

/** What the service asks of a database: queries, transactions, the end. */
export interface Sql {
  query<T extends object>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
}

export interface Database extends Sql {
  /** `embedded` (PGlite: this process is the only one) or `server` (PostgreSQL, maybe shared). */
  readonly kind: 'embedded' | 'server';
  close(): Promise<void>;
}

export type DatabaseOptions = { url: string } | { dataDir: string };

/** Opens the database and brings its tables up to date. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const database = 'url' in options ? openServer(options.url) : await openEmbedded(options.dataDir);
  try {
    await database.query(SCHEMA);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

async function openEmbedded(dataDir: string): Promise<Database> {
  mkdirSync(dataDir, { recursive: true });
  const unlock = lockFolder(dataDir);
  let db: PGlite;
  try {
    // A new folder gets the shipped fresh database rather than initdb's memory peak.
    if (!existsSync(join(dataDir, 'PG_VERSION'))) await writeTemplate(dataDir);
    db = await PGlite.create(dataDir);
  } catch (error) {
    unlock();
    throw error;
  }
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Sql => ({
    async query<T extends object>(text: string, params: readonly unknown[] = []) {
      // Several statements (the schema) need `exec`; one with parameters needs `query`.
      if (params.length === 0 && text.includes(';')) {
        const results = await q.exec(text);
        return (results.at(-1)?.rows ?? []) as T[];
      }
      return (await q.query<T>(text, [...params])).rows;
    },
    transaction: () => {
      throw new Error('Nested transactions are not used.');
    },
  });
  return {
    kind: 'embedded',
    ...wrap(db),
    transaction: (work) => db.transaction((tx) => work(wrap(tx))),
    // Closing twice is harmless (a service whose database already failed still closes cleanly).
    close: () => (db.closed ? Promise.resolve(unlock()) : db.close().finally(unlock)),
  };
}

/**
 * PGlite keeps its database in this process's memory and writes it to the folder: a second
 * PGlite on the same folder (another process, or a second open here) would be a second,
 * diverging database, and send every notice again. So a folder has one owner, named in a lock
 * file; a lock whose process is gone (a crash) is taken over.
 */
function lockFolder(dataDir: string): () => void {
  const file = join(dataDir, 'citylink-push.lock');
  for (;;) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(file, 'utf8'));
      if (alive(owner)) {
        throw new Error(
          `${dataDir} is in use by ${owner === process.pid ? 'this process' : `process ${owner}`}: ` +
            'PGlite serves one process; use DATABASE_URL for several.',
          { cause: error },
        );
      }
      rmSync(file, { force: true });
    }
  }
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

function openServer(url: string): Database {
  // A host that drops packets fails the start (and /health) in seconds, not minutes.
  const pool = new pg.Pool({ connectionString: url, max: 5, connectionTimeoutMillis: 10_000 });
  // An idle client that loses its connection must not take the process down.
  pool.on('error', (error) => console.error(JSON.stringify({ event: 'db-error', message: error.message })));
  const run = async <T extends object>(
    client: pg.Pool | pg.PoolClient,
    text: string,
    params: readonly unknown[],
  ) => {
    const result = (await client.query(text, [...params])) as unknown as pg.QueryResult | pg.QueryResult[];
    const last = Array.isArray(result) ? result.at(-1) : result;
    return (last?.rows ?? []) as T[];
  };
  return {
    kind: 'server',
    query: (text, params = []) => run(pool, text, params),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({
          query: (text, params = []) => run(client, text, params),
          transaction: () => {
            throw new Error('Nested transactions are not used.');
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
