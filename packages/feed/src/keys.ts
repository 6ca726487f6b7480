/**
 * `citylink-feed keys`: a VAPID key pair for the push service (RFC 8292), made with Node's own
 * crypto so that the publisher's command needs none of the service's packages. The forms are
 * the ones web-push reads (the service's `VAPID_PUBLIC_KEY`, `VAPID_PRIVATE_KEY` and its
 * `vapid.json`): the P-256 public key as an uncompressed point and the private scalar, each
 * in base64url.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface KeyPair {
  publicKey: string;
  privateKey: string;
}

export function generateKeys(): KeyPair {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  // A JWK's coordinates and scalar always have the curve's full 32 bytes (RFC 7518, 6.2.1).
  const { x, y, d } = privateKey.export({ format: 'jwk' });
  if (!x || !y || !d) throw new Error('Node exported an EC key without its coordinates.');
  const point = Buffer.concat([Buffer.of(4), Buffer.from(x, 'base64url'), Buffer.from(y, 'base64url')]);
  return { publicKey: point.toString('base64url'), privateKey: d };
}

/** Writes `keys` to a new file readable by its owner only; refuses to replace an existing one. */
export function writeKeys(file: string, keys: KeyPair): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
}
