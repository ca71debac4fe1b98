import { createHash } from 'node:crypto';

/** What ingest remembers of one source between runs. */
export interface ManifestEntry {
  /** sha256 of the source's bytes. */
  hash: string;
  /** Generated files (relative to articles/) with the sha256 of what was written. */
  outputs: { file: string; hash: string }[];
}

export interface Manifest {
  /** Fingerprint of the pipeline's code and data: a change invalidates every entry. */
  pipeline: string;
  sources: Record<string, ManifestEntry>;
}

export type Decision = 'added' | 'changed' | 'unchanged' | 'removed';

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Which sources need converting. A source is unchanged only when its bytes, the pipeline and every
 * file it produced last time are exactly as recorded; anything else is converted again.
 */
export function planIngest(
  manifest: Manifest | undefined,
  pipeline: string,
  sources: Map<string, string>,
  outputHash: (file: string) => string | undefined,
): Map<string, Decision> {
  const plan = new Map<string, Decision>();
  const usable = manifest && manifest.pipeline === pipeline ? manifest.sources : {};
  for (const [source, hash] of sources) {
    const before = usable[source];
    if (!before && !manifest?.sources[source]) plan.set(source, 'added');
    else if (before && before.hash === hash && before.outputs.every((o) => outputHash(o.file) === o.hash)) plan.set(source, 'unchanged');
    else plan.set(source, 'changed');
  }
  for (const source of Object.keys(manifest?.sources ?? {})) if (!sources.has(source)) plan.set(source, 'removed');
  return plan;
}
