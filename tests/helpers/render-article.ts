import { articleBodyRenderer } from '../../src/markdown/parallel-markdown.ts';
import { refuseUnknownComponents, splitMarked } from '../../src/markdown/rehype-component-marks.ts';

/** A component as a string template: its props and its children's HTML → its HTML. */
export type StandIn = (props: Record<string, string | true>, children: string) => string;

const renderer = articleBodyRenderer('/', 1);

/**
 * An article body rendered the way the site renders it now: the article loader's renderer (the
 * site's processor with remark-mdx, here in the main thread), then each component mark filled the
 * way the article page fills it (src/components/ArticleBody.astro), with string stand-ins for the
 * components. A body naming a component that has no stand-in is refused, as the loader refuses it.
 */
export async function renderArticleHtml(
  body: string,
  standIns: Record<string, StandIn> = {},
): Promise<string> {
  const { code } = await renderer.render(body);
  refuseUnknownComponents(code, Object.keys(standIns));
  return fill(code, standIns);
}

function fill(html: string, standIns: Record<string, StandIn>): string {
  return splitMarked(html)
    .map((part) =>
      'html' in part
        ? part.html
        : standIns[part.name](part.props, fill(part.childrenHtml, standIns)),
    )
    .join('');
}
