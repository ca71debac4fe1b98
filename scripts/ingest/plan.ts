import type { Finding } from '../../src/core/proofreading.ts';

/**
 * Size and modification time of a file when it was hashed. While both are the same, the recorded
 * hash stands and the file is not read again; a touched file (new time, same bytes) is re-hashed
 * and found unchanged, so decisions always rest on content.
 */
export interface FileStamp {
  size?: number;
  mtimeMs?: number;
}

/** A generated file (relative to articles/) with the sha256 of what was written. */
export interface ManifestOutput extends FileStamp {
  file: string;
  hash: string;
  /** For the proofreading report's same-article check: see scripts/proofread/checks/duplicate-article.ts. */
  fingerprint?: string;
  title?: string;
  line?: number;
}

/** What ingest remembers of one source between runs. */
export interface ManifestEntry extends FileStamp {
  /** sha256 of the source's bytes. */
  hash: string;
  outputs: ManifestOutput[];
  /** What the proofreading report found in the source's articles, kept so an unchanged source is not read again. */
  findings?: Finding[];
}

export interface Manifest {
  /** Fingerprint of the pipeline's code and data: a change invalidates every entry. */
  pipeline: string;
  sources: Record<string, ManifestEntry>;
}

export type Decision = 'added' | 'changed' | 'unchanged' | 'removed';

/** True when a file's size and modification time are the ones recorded with its hash. */
export function sameStat(recorded: FileStamp, now: { size: number; mtimeMs: number }): boolean {
  return recorded.size === now.size && recorded.mtimeMs === now.mtimeMs;
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
    else if (
      before &&
      before.hash === hash &&
      before.outputs.every((o) => outputHash(o.file) === o.hash)
    )
      plan.set(source, 'unchanged');
    else plan.set(source, 'changed');
  }
  for (const source of Object.keys(manifest?.sources ?? {}))
    if (!sources.has(source)) plan.set(source, 'removed');
  return plan;
}
