import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.ts';

/**
 * The launchers an office double-clicks (issue 24): each of 编辑资料库, 生成网站, 预览网站 as a .cmd
 * for Windows and a .sh for Linux, both running a script through the bundled Node. cmd.exe reads a
 * batch file in the console's code page (936 on a Chinese Windows) and misparses blocks in a file
 * with bare LF endings, so every .cmd is ASCII with CRLF line endings.
 */
const LAUNCHERS = ['编辑资料库', '生成网站', '预览网站'];
const rootFiles = fs.readdirSync(ROOT);
const cmdFiles = [
  ...rootFiles.filter((f) => f.endsWith('.cmd')).map((f) => path.join(ROOT, f)),
  path.join(ROOT, 'scripts/launch/node.cmd'),
];

describe('launchers', () => {
  it('come as .cmd and .sh for each of 编辑资料库, 生成网站, 预览网站, and nothing else', () => {
    const names = (ext: string) =>
      rootFiles
        .filter((f) => f.endsWith(ext))
        .map((f) => f.slice(0, -ext.length))
        .sort();
    expect(names('.cmd')).toEqual([...LAUNCHERS].sort());
    expect(names('.sh')).toEqual([...LAUNCHERS].sort());
  });

  it.each(cmdFiles.map((f) => [path.relative(ROOT, f)]))(
    '%s is ASCII with CRLF line endings',
    (file) => {
      const bytes = fs.readFileSync(path.join(ROOT, file));
      expect([...bytes].filter((b) => b > 0x7e || (b < 0x20 && b !== 0x0a && b !== 0x0d))).toEqual(
        [],
      );
      const text = bytes.toString('latin1');
      expect(text.endsWith('\r\n')).toBe(true);
      expect(text.split('\r\n').some((line) => line.includes('\n') || line.includes('\r'))).toBe(
        false,
      );
    },
  );

  it.each(LAUNCHERS.map((name) => [name]))(
    '%s: both runs the same script through the bundled Node; the .sh is executable',
    (name) => {
      const cmd = fs.readFileSync(path.join(ROOT, `${name}.cmd`), 'latin1');
      const sh = fs.readFileSync(path.join(ROOT, `${name}.sh`), 'utf8');
      const cmdCall = /call "%~dp0scripts\\launch\\node\.cmd" (scripts\\\S+)(.*)/.exec(cmd);
      const shCall =
        /exec sh "\$\(dirname "\$0"\)\/scripts\/launch\/node\.sh" (scripts\/\S+)(.*)/.exec(sh);
      expect(cmdCall, `${name}.cmd calls scripts\\launch\\node.cmd`).not.toBeNull();
      expect(shCall, `${name}.sh calls scripts/launch/node.sh`).not.toBeNull();
      expect(cmdCall?.[1].replaceAll('\\', '/')).toBe(shCall?.[1]);
      expect(cmdCall?.[2].replace('%*', '').trim()).toBe(shCall?.[2].replace('"$@"', '').trim());
      expect(fs.statSync(path.join(ROOT, `${name}.sh`)).mode & 0o111).not.toBe(0);
    },
  );
});
