/**
 * The service's metrics in Prometheus' text format (prom-client), at `GET <base>/metrics` for a
 * scraper with `Authorization: Bearer <PUSH_METRICS_TOKEN>`. Counters are this process's; with
 * several processes, Prometheus sums them. The queue's gauges are read from the database at
 * each scrape, so every process reports the same whole queue.
 */
import { Counter, Gauge, Registry, Summary } from 'prom-client';
import type { Sql } from './db';
import type { Outcome, SendMetrics } from './send';

export interface Metrics extends SendMetrics {
  registry: Registry;
  /** An API request answered (by status class), a rate-limited one among them. */
  request(status: number): void;
}

export function createMetrics(sql: Sql): Metrics {
  const registry = new Registry();
  const deliveries = new Counter({
    name: 'citylink_push_deliveries_total',
    help: 'Deliveries this process finished or put back, by outcome (sent, retried, gone, failed, unknown, expired).',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const requestSeconds = new Summary({
    name: 'citylink_push_request_seconds',
    help: "One push request's time, from its send to the push service's answer.",
    percentiles: [0.5, 0.9, 0.99],
    maxAgeSeconds: 600,
    ageBuckets: 5,
    registers: [registry],
  });
  const noticeSeconds = new Summary({
    name: 'citylink_push_notice_to_delivery_seconds',
    help: "How long after its notice was made a message reached the reader's push service.",
    percentiles: [0.5, 0.9, 0.99],
    maxAgeSeconds: 600,
    ageBuckets: 5,
    registers: [registry],
  });
  const requests = new Counter({
    name: 'citylink_push_api_requests_total',
    help: 'API requests answered, by status.',
    labelNames: ['status'],
    registers: [registry],
  });
  new Gauge({
    name: 'citylink_push_queue',
    help: 'Deliveries waiting (pending: queued or waiting for a retry) or being sent (claimed, sending), in the database.',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      // The partial indexes of schema.ts cover exactly these rows: no scan of finished ones.
      const [row] = await sql.query<{ pending: number; active: number }>(
        `SELECT (SELECT count(*) FROM deliveries WHERE state = 'pending')::int AS pending,
                (SELECT count(*) FROM deliveries WHERE state IN ('claimed', 'sending'))::int AS active`,
      );
      this.set({ state: 'pending' }, row?.pending ?? 0);
      this.set({ state: 'sending' }, row?.active ?? 0);
    },
  });
  return {
    registry,
    outcome: (outcome: Outcome, count: number) => deliveries.inc({ outcome }, count),
    latency(request, sinceNotice) {
      requestSeconds.observe(request);
      noticeSeconds.observe(sinceNotice);
    },
    request: (status) => requests.inc({ status: String(status) }),
  };
}
