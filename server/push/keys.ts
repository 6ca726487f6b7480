/**
 * VAPID keys: the service's identity towards browsers' push services. A subscription made with
 * one public key only accepts messages signed by its private key, so the keys must stay the
 * same for as long as subscriptions live.
 *
 * `npm run push:keys` prints a new pair as environment lines; `--out <file>` writes them as the
 * JSON file `npm run push` reads (mode 0600). Without either, `npm run push` makes a pair in its
 * data folder at the first start (a local setup); a deployment sets VAPID_PUBLIC_KEY and
 * VAPID_PRIVATE_KEY instead (docs/push.md).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import webpush from 'web-push';

export interface KeyPair {
  publicKey: string;
  privateKey: string;
}

export function generateKeys(): KeyPair {
  return webpush.generateVAPIDKeys();
}

/** The pair in `file`, made and written there first if the file does not exist. */
export function keysInFile(file: string): { keys: KeyPair; created: boolean } {
  if (existsSync(file)) return { keys: JSON.parse(readFileSync(file, 'utf8')) as KeyPair, created: false };
  const keys = generateKeys();
  writeKeys(file, keys);
  return { keys, created: true };
}

/** Writes `keys` to a new file readable by its owner only; refuses to replace an existing one. */
export function writeKeys(file: string, keys: KeyPair): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const keys = generateKeys();
  const out = process.argv.indexOf('--out');
  if (out > 0 && process.argv[out + 1]) {
    writeKeys(resolve(process.argv[out + 1]!), keys);
    console.log(`VAPID keys written to ${process.argv[out + 1]} (public key ${keys.publicKey})`);
  } else {
    console.log(`VAPID_PUBLIC_KEY=${keys.publicKey}\nVAPID_PRIVATE_KEY=${keys.privateKey}`);
  }
}
