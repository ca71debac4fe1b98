import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.ts';

/**
 * The layout's import rules live in eslint.config.js (README, "代码布局"). These cases plant each
 * kind of violation in a file that does not exist on disk and check that lint names it, so a
 * config change that silently drops a rule fails here.
 */
const eslint = new ESLint({ cwd: ROOT });

async function rulesBroken(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result.messages.filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message);
}

describe('the import layout, as lint enforces it', () => {
  it('nothing in src/ imports from scripts/', async () => {
    const code =
      "import type { FileStamp } from '../../scripts/ingest/plan.ts';\nexport type X = FileStamp;\n";
    expect(await rulesBroken('src/site/planted.ts', code)).toContain(
      'import-x/no-restricted-paths',
    );
  });

  it('src/core imports no other part of the project', async () => {
    const code = "import { articleUrl } from '../site/urls.ts';\nexport const x = articleUrl;\n";
    expect(await rulesBroken('src/core/planted.ts', code)).toContain(
      'import-x/no-restricted-paths',
    );
  });

  it('src/core imports neither Node nor Astro', async () => {
    for (const specifier of ['node:fs', 'astro:content']) {
      const code = `import * as m from '${specifier}';\nexport const x = m;\n`;
      expect(await rulesBroken('src/core/planted.ts', code)).toContain('no-restricted-imports');
    }
  });

  it('the browser code in src/lib imports no Node module and no build-time module', async () => {
    expect(
      await rulesBroken('src/lib/planted.ts', "import fs from 'node:fs';\nexport const x = fs;\n"),
    ).toContain('no-restricted-imports');
    const buildTime =
      "import { markdownOptions } from '../markdown/markdown-options.ts';\nexport const x = markdownOptions;\n";
    expect(await rulesBroken('src/lib/planted.ts', buildTime)).toContain(
      'import-x/no-restricted-paths',
    );
  });

  it('the proofreading checks import nothing of ingest, and the model they share neither', async () => {
    const code = "import { mend } from '../ingest/stages/mend.ts';\nexport const x = mend;\n";
    expect(await rulesBroken('scripts/proofread/planted.ts', code)).toContain(
      'import-x/no-restricted-paths',
    );
    const back =
      "import { proofreadArticle } from '../proofread/proofread.ts';\nexport const x = proofreadArticle;\n";
    expect(await rulesBroken('scripts/model/planted.ts', back)).toContain(
      'import-x/no-restricted-paths',
    );
    const shared = "import type { Block } from '../model/text.ts';\nexport type X = Block;\n";
    expect(await rulesBroken('scripts/proofread/planted.ts', shared)).toEqual([]);
  });

  it('an import that keeps to the layout passes', async () => {
    const code = "import { CN_DIGITS } from '../core/chinese.ts';\nexport const x = CN_DIGITS;\n";
    expect(await rulesBroken('src/lib/planted.ts', code)).toEqual([]);
  });
});
