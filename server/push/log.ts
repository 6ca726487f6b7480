/**
 * The service's log: one JSON object per line on stdout. Subscription keys never reach it, and
 * an endpoint (a capability URL: whoever has it can push to that browser) only as its push
 * service's origin and a short hash, enough to follow one subscription through the log.
 */
import { createHash } from 'node:crypto';

export type Log = (
  event: string,
  fields?: Record<string, string | number | boolean | null | undefined>,
) => void;

/** Writes each event to `write` (stdout by default). */
export function createLog(write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Log {
  return (event, fields = {}) => write(JSON.stringify({ time: new Date().toISOString(), event, ...fields }));
}

/** A log that keeps nothing (tests that do not read it). */
export const silentLog: Log = () => undefined;

/** An endpoint as the log may name it: `https://push.example.org/…#1a2b3c4d`. */
export function endpointLabel(endpoint: string): string {
  let origin = 'invalid';
  try {
    origin = new URL(endpoint).origin;
  } catch {
    // Logged as invalid.
  }
  return `${origin}/…#${createHash('sha256').update(endpoint).digest('hex').slice(0, 8)}`;
}
