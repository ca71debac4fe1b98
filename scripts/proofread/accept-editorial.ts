/**
 * The findings an editor accepted or resolved, from the editorial file beside a source (X.txt →
 * X.yaml), read and validated by the editorial layer like every other editorial field: the `accept`
 * lists, each erratum (it resolves the findings in the text it corrects), and a 编者注 or
 * `publish: false` (they resolve the article's severe findings).
 */
import fs from 'node:fs';
import path from 'node:path';
import { editorialPathFor, readEditorial } from '../ingest/stages/editorial.ts';
import { SEVERE_KINDS } from '../../src/core/proofreading.ts';
import type { AcceptedFinding } from './accept.ts';

export function readAcceptList(sourcesDir: string, source: string): AcceptedFinding[] {
  const rel = editorialPathFor(source);
  const file = path.join(sourcesDir, rel);
  if (!fs.existsSync(file)) return [];
  const { data } = readEditorial(rel, fs.readFileSync(file));
  return data.articles.flatMap((a) => {
    const article = {
      ...(a.match !== undefined ? { match: a.match } : {}),
      ...(a.index !== undefined ? { index: a.index } : {}),
    };
    const accepted = (a.accept ?? []).map((item) => ({
      kind: item.kind,
      ...(item.text !== undefined ? { text: item.text } : {}),
      article,
    }));
    const corrected = (a.errata ?? []).map((e): AcceptedFinding => ({
      kind: '*',
      find: e.find,
      article,
      by: 'corrected',
    }));
    const by = a.publish === false ? 'withheld' : a.notice ? 'noticed' : undefined;
    const told = by ? SEVERE_KINDS.map((kind): AcceptedFinding => ({ kind, article, by })) : [];
    return [...accepted, ...corrected, ...told];
  });
}
