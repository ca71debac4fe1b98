/**
 * A new source uploaded from the desk into a column folder. The dev server's ingest watches the
 * sources folder, so the file is ingested as soon as it lands. An upload never replaces a file:
 * sources are kept as received, and a new version of one is a decision for the editor to make.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DeskRefusal } from './save-guard.ts';
import { columnFolders, SOURCE_EXTENSIONS, SOURCES_DIR } from './sources.ts';

/** What the desk's upload widget sends. */
export interface UploadRequest {
  /** A column folder under src/content/sources ("" for the top folder). */
  folder: string;
  /** The file's own name. */
  name: string;
  /** Its bytes, base64. */
  content: string;
}

/** Office documents run to a few MB; anything near this is not a source. */
const MAX_BYTES = 50 * 1024 * 1024;

/** Writes the upload; returns its path relative to src/content/sources. */
export async function saveUpload(root: string, request: UploadRequest): Promise<string> {
  const { folder, name, content } = request;
  const folders = await columnFolders(root);
  if (folder !== '' && !folders.includes(folder))
    throw new DeskRefusal(`没有“${folder}”这个栏目文件夹；现有：${folders.join('、')}`);
  const plainName = typeof name === 'string' && name === path.basename(name) && !/[\\/]/.test(name);
  if (!plainName || name.startsWith('.') || name.startsWith('~$'))
    throw new DeskRefusal(`文件名“${name}”不能用`);
  if (!SOURCE_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext)))
    throw new DeskRefusal(`只能上传 ${SOURCE_EXTENSIONS.join(' 或 ')} 文件：${name}`);
  const bytes = Buffer.from(content, 'base64');
  if (bytes.length === 0) throw new DeskRefusal(`文件是空的：${name}`);
  if (bytes.length > MAX_BYTES) throw new DeskRefusal(`文件太大（超过 50 MB）：${name}`);
  const relative = folder ? `${folder}/${name}` : name;
  try {
    await writeFile(path.join(root, SOURCES_DIR, relative), bytes, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new DeskRefusal(`${relative} 已经存在，没有覆盖；要换新版本请先改名`);
    throw error;
  }
  return relative;
}
