import fs from 'node:fs';
import path from 'node:path';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { ROOT } from './paths.ts';
import { htmlFiles } from './site-files.ts';

/**
 * html-validate over every page of a built site with the project's .htmlvalidate.json
 * (html-validate:recommended; only change: the checkboxes of one search filter share a name on
 * purpose, which is how a form sends several values). The config is loaded explicitly because a
 * dist outside the checkout has no .htmlvalidate.json above it. One line per problem.
 */
export async function validateSite(dist: string): Promise<string[]> {
  const config = JSON.parse(fs.readFileSync(path.join(ROOT, '.htmlvalidate.json'), 'utf8'));
  const validator = new HtmlValidate(new StaticConfigLoader(config));
  const problems: string[] = [];
  for (const file of htmlFiles(dist)) {
    const report = await validator.validateFile(path.join(dist, file));
    for (const result of report.results) {
      for (const m of result.messages)
        problems.push(
          `${file}: ${m.ruleId}: ${m.message} (${m.selector ?? `${m.line}:${m.column}`})`,
        );
    }
  }
  return problems;
}
