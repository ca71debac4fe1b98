/**
 * Reads the `accept` lists from the editorial yaml beside a source (X.txt → X.yaml). A stop-gap
 * until ingest reads the yaml through the editorial layer (scripts/stages/editorial.ts), which
 * validates it: this reads only `articles[].accept` with `match` / `index`, and is meant to be
 * replaced by a call into that reader.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { SourceError } from '../stages/source-error.ts';
import type { AcceptedFinding } from './accept.ts';

export function editorialYamlFor(source: string): string {
  return source.replace(/\.[^./]+$/, '') + '.yaml';
}

export function readAcceptList(sourcesDir: string, source: string): AcceptedFinding[] {
  const rel = editorialYamlFor(source);
  const file = path.join(sourcesDir, rel);
  if (!fs.existsSync(file)) return [];
  let data: unknown;
  try {
    data = parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SourceError(rel, `编辑信息文件无法解析 / editorial yaml does not parse: ${(error as Error).message}`);
  }
  const articles = (data as { articles?: unknown })?.articles;
  if (!Array.isArray(articles)) return [];
  const out: AcceptedFinding[] = [];
  articles.forEach((a: { match?: unknown; index?: unknown; accept?: unknown }, n) => {
    if (!Array.isArray(a?.accept)) return;
    for (const item of a.accept as { kind?: unknown; text?: unknown }[]) {
      if (typeof item?.kind !== 'string' || (item.text !== undefined && typeof item.text !== 'string')) {
        throw new SourceError(rel, `articles[${n}].accept：每项须有 kind（文字），可有 text / each accept item needs a string kind`);
      }
      out.push({
        kind: item.kind,
        ...(item.text !== undefined ? { text: item.text as string } : {}),
        article: { ...(typeof a.match === 'string' ? { match: a.match } : {}), ...(typeof a.index === 'number' ? { index: a.index } : {}) },
      });
    }
  });
  return out;
}
