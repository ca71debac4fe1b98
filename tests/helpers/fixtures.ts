import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES, GOV_REPORTS } from './paths.ts';
import { normalise } from '../../scripts/ingest/stages/normalise.ts';
import type { SourceLine } from '../../scripts/model/text.ts';
import { decode } from '../../scripts/ingest/stages/decode.ts';

export function fixtureBytes(rel: string): Buffer {
  return fs.readFileSync(path.join(FIXTURES, rel));
}

export function fixtureLines(rel: string): SourceLine[] {
  return normalise(decode(fixtureBytes(rel), rel).text);
}

/** The shared government work reports, or none when the shared corpus is not beside the clone. */
export function govReportFiles(): string[] {
  if (!fs.existsSync(GOV_REPORTS)) return [];
  return fs
    .readdirSync(GOV_REPORTS)
    .filter((f) => f.endsWith('.txt'))
    .sort();
}

/** Report fixtures copied into tests/fixtures/reports (always present). */
export const REPORT_FIXTURES = fs
  .readdirSync(path.join(FIXTURES, 'reports'))
  .filter((f) => f.endsWith('.txt'))
  .sort();
