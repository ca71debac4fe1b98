import { unified as astroUnified } from '@astrojs/markdown-remark';
import type { RootContent } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { markdownOptions } from '../../src/markdown/markdown-options.ts';
import { ERRATUM_TAG } from '../../src/core/markdown-blocks.ts';

const mdxParser = unified().use(remarkParse).use(remarkMdx);
const markdownRenderer = astroUnified(markdownOptions('/')).createRenderer({
  syntaxHighlight: false,
});

/**
 * A study aid as the article page renders it (<aside … data-study-aid=…>, notes/EDITORIAL.md) with
 * the line end that joins it to the block before it, or for a first block the one after it.
 */
const ASIDE = String.raw`<(aside|section)\b[^>]*\bdata-study-aid\b[^>]*>[\s\S]*?<\/\1>`;
const STUDY_AID_HTML = new RegExp(String.raw`\n${ASIDE}|${ASIDE.replace('\\1', '\\2')}\n?`, 'g');

/**
 * An article body rendered as the .md path renders it: Astro's Markdown processor with the site's
 * options and plugins. Study aids (MDX components, which Markdown has not got) are cut out of the
 * source first, and an erratum mark's tags (its corrected words stay); `withoutStudyAids` cuts them
 * out of MDX-rendered HTML, so the two can be compared.
 */
export async function markdownBodyHtml(body: string): Promise<string> {
  const aids = mdxParser
    .parse(body)
    .children.filter((n: RootContent) => n.type === 'mdxJsxFlowElement');
  let source = body;
  for (const aid of aids.reverse())
    source = source.slice(0, aid.position!.start.offset!) + source.slice(aid.position!.end.offset!);
  return (await (await markdownRenderer).render(source.replace(ERRATUM_TAG, ''))).code;
}

/** An erratum mark as the page renders it (src/components/Erratum.astro): its corrected words stay. */
const ERRATUM_HTML =
  /<span class="erratum" id="erratum-ref-\d+">([^<]*)<a class="erratum-mark"[^>]*><\/a><\/span>/g;

export function withoutStudyAids(html: string): string {
  return html.replace(STUDY_AID_HTML, '').replace(ERRATUM_HTML, '$1');
}
