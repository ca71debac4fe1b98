import { createHash } from 'node:crypto';

/** The sha256 of bytes or text, in hex: what ingest keys sources and articles on, and what fingerprints an article. */
export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}
