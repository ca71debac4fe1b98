/**
 * Writes a folder into a zip with yazl: names in UTF-8 (flagged, so 7-Zip, Bandizip, Windows 10's
 * Explorer and unzip show 编辑资料库.cmd, not mojibake) and each file's Unix mode, so the Linux
 * launchers and binaries stay executable after unzip.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ZipFile } from 'yazl';

/** Every file under `dir`, as paths relative to it with forward slashes, in a stable order. */
export function filesUnder(dir: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const relative = path.relative(dir, path.join(entry.parentPath, entry.name));
    // Windows cannot unpack a link from a zip; npm was told to make none (--no-bin-links).
    if (entry.isSymbolicLink())
      throw new Error(`zip: 不能放入符号链接 / a symbolic link: ${relative}`);
    if (entry.isFile()) files.push(relative.split(path.sep).join('/'));
  }
  return files.sort();
}

/** Zips `dir/top/**` as `top/…` into `zipPath`. */
export async function writeZip(dir: string, top: string, zipPath: string): Promise<void> {
  const zip = new ZipFile();
  for (const file of filesUnder(path.join(dir, top)))
    zip.addFile(path.join(dir, top, file), `${top}/${file}`);
  zip.end();
  fs.mkdirSync(path.dirname(zipPath), { recursive: true });
  const partial = `${zipPath}.partial`;
  await new Promise<void>((resolve, reject) => {
    const out = fs.createWriteStream(partial);
    out.on('close', resolve);
    out.on('error', reject);
    zip.outputStream.on('error', reject).pipe(out);
  });
  // A zip that is there is whole: an interrupted run leaves only the .partial file.
  fs.renameSync(partial, zipPath);
}
