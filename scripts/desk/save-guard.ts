/**
 * Every save from the desk passes here before anything is written: the editorial file through the
 * editorial schema and article matching that ingest uses, the data files through their own schemas.
 * A save ingest would reject is refused with the reason in Chinese, naming the field, and the disk
 * is left as it was. What passes is written into the existing file keeping the editor's comments.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import {
  columnsFileSchema,
  glossaryFileSchema,
  sessionsFileSchema,
  topicsFileSchema,
} from '../../src/core/data-files.ts';
import { convertSource, type EditorialInput } from '../ingest/pipeline.ts';
import { editorialSchema } from '../ingest/stages/editorial.ts';
import { SourceError } from '../ingest/stages/source-error.ts';
import { parse } from 'yaml';
import { UPLOAD_ENTRY_FILE } from './config.ts';
import { updateYaml } from './keep-comments.ts';
import { DATA_DIR, deskSources, SOURCES_DIR } from './sources.ts';

/** A save the desk refuses; its message is what the editor reads. */
export class DeskRefusal extends Error {}

/** A file of a save as Decap sends it: path from the project root, new content. */
export interface SavedFile {
  path: string;
  raw: string;
}

const dataSchemas: Record<string, z.ZodType> = {
  [`${DATA_DIR}/sessions.json`]: sessionsFileSchema,
  [`${DATA_DIR}/glossary.json`]: glossaryFileSchema,
  [`${DATA_DIR}/columns.json`]: columnsFileSchema,
  [`${DATA_DIR}/topics.json`]: topicsFileSchema,
};

/**
 * The content to write for each saved file, or a DeskRefusal. `labels` names fields in the
 * editor's words (from the desk's configuration).
 */
export async function guardSave(
  root: string,
  files: SavedFile[],
  labels: ReadonlyMap<string, string>,
): Promise<SavedFile[]> {
  const guarded: SavedFile[] = [];
  for (const file of files) {
    const existing = await readFile(path.join(root, file.path), 'utf8').catch(() => '');
    if (file.path === UPLOAD_ENTRY_FILE)
      throw new DeskRefusal('上传材料不需要保存：选好文件就已经上传了。');
    const schema = dataSchemas[file.path];
    const raw = schema
      ? dataFile(file, existing, schema, labels)
      : await editorialFile(root, file, existing, labels);
    guarded.push({ path: file.path, raw });
  }
  return guarded;
}

function dataFile(
  file: SavedFile,
  existing: string,
  schema: z.ZodType,
  labels: ReadonlyMap<string, string>,
): string {
  const value = prune(JSON.parse(file.raw)) as Record<string, unknown>;
  // Decap keeps only the fields it shows; the file's own note on what it holds stays.
  const comment = existing ? (JSON.parse(existing) as { $comment?: unknown }).$comment : undefined;
  const data = comment === undefined ? value : { $comment: comment, ...value };
  const checked = schema.safeParse(data);
  if (!checked.success) throw refusal(file.path, checked.error, labels);
  return `${JSON.stringify(data, null, 2)}\n`;
}

async function editorialFile(
  root: string,
  file: SavedFile,
  existing: string,
  labels: ReadonlyMap<string, string>,
): Promise<string> {
  const relative = path.posix.relative(SOURCES_DIR, file.path);
  const owner = (await deskSources(root)).find((s) => s.editorial === relative);
  if (relative.startsWith('..') || !relative.endsWith('.yaml') || !owner)
    throw new DeskRefusal(`编辑台只保存材料旁的编辑文件和资料表，不保存 ${file.path}`);
  const value = prune(parse(file.raw, { schema: 'core' }) ?? {});
  const checked = editorialSchema.safeParse(value);
  if (!checked.success) throw refusal(relative, checked.error, labels);
  const text = updateYaml(existing, value);
  await convertWith(root, owner.source, { file: relative, bytes: new TextEncoder().encode(text) });
  return text;
}

/**
 * Converts the source with the editorial file as it would be saved, as ingest will: what only the
 * text can tell (an erratum's 原文 found exactly once, a 金句 that is in the text, the article an
 * entry names) refuses the save now rather than failing the next ingest.
 */
async function convertWith(root: string, source: string, editorial: EditorialInput): Promise<void> {
  const bytes = await readFile(path.join(root, SOURCES_DIR, source));
  try {
    await convertSource(source, bytes, editorial);
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    const line = error.line ? `第 ${error.line} 行：` : '';
    throw new DeskRefusal(`${error.file}：${line}${error.reason}`);
  }
}

/** Fields whose empty text is a value: an erratum that replaces the found text by nothing deletes it. */
const EMPTY_IS_A_VALUE = new Set(['replace']);

/**
 * An emptied field means "not set": Decap writes "" for a cleared text and [] for a cleared list,
 * which the schemas (rightly) refuse as values.
 */
export function prune(value: unknown, key = ''): unknown {
  if (Array.isArray(value))
    return value.map((item) => prune(item)).filter((item) => item !== undefined);
  if (typeof value === 'string')
    return value.trim() === '' && !EMPTY_IS_A_VALUE.has(key) ? undefined : value;
  if (value === null) return undefined;
  if (typeof value !== 'object') return value;
  const entries = Object.entries(value)
    .map(([name, item]) => [name, prune(item, name)] as const)
    .filter(([, item]) => item !== undefined && !(Array.isArray(item) && item.length === 0))
    .filter(([, item]) => !(typeof item === 'object' && item && Object.keys(item).length === 0));
  return Object.fromEntries(entries);
}

function refusal(file: string, error: z.ZodError, labels: ReadonlyMap<string, string>) {
  const issue = error.issues[0];
  const where = issue.path
    .map((key) =>
      typeof key === 'number' ? `第 ${key + 1} 项` : (labels.get(String(key)) ?? String(key)),
    )
    .join(' › ');
  return new DeskRefusal(`${file}：${where ? `${where}：` : ''}${explain(issue)}`);
}

/** Zod's own messages are English; the schemas' own ones are already Chinese. */
function explain(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type')
    return issue.input === undefined ? '必须填写' : `格式不对（${issue.message}）`;
  if (issue.code === 'unrecognized_keys')
    return `不认识的字段 ${issue.keys.join('、')}（导入不接受，请检查是否写错）`;
  return issue.message;
}

/** Field name → the label the desk shows for it, from the desk's configuration. */
export function fieldLabels(config: unknown): Map<string, string> {
  const labels = new Map<string, string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const { name, label } = node as { name?: unknown; label?: unknown };
      if (typeof name === 'string' && typeof label === 'string' && !labels.has(name))
        labels.set(name, label);
      Object.values(node).forEach(visit);
    }
  };
  visit(config);
  return labels;
}
