/**
 * The findings an editor accepted, from the `accept` lists of the editorial file beside a source
 * (X.txt → X.yaml), read and validated by the editorial layer like every other editorial field.
 */
import fs from 'node:fs';
import path from 'node:path';
import { editorialPathFor, readEditorial } from './stages/editorial.ts';
import type { AcceptedFinding } from '../proofread/accept.ts';

export function readAcceptList(sourcesDir: string, source: string): AcceptedFinding[] {
  const rel = editorialPathFor(source);
  const file = path.join(sourcesDir, rel);
  if (!fs.existsSync(file)) return [];
  const { data } = readEditorial(rel, fs.readFileSync(file));
  return data.articles.flatMap((a) =>
    (a.accept ?? []).map((item) => ({
      kind: item.kind,
      ...(item.text !== undefined ? { text: item.text } : {}),
      article: {
        ...(a.match !== undefined ? { match: a.match } : {}),
        ...(a.index !== undefined ? { index: a.index } : {}),
      },
    })),
  );
}
