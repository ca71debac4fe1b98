import fs from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import type { Element } from 'hast';

/** What never prints: the handout drops it, and print.css hides it on an article page. */
const NOT_PRINTED =
  'nav, aside:not([data-study-aid]), details:not(.study-aid-fold), [hidden], .no-print, button';

export interface BuiltArticle {
  id: string;
  title: string;
  /** Every printed heading of the text (h2–h6, study aids included), in order, spaces dropped; aid: the study aid it heads. */
  headings: { level: number; text: string; aid?: string }[];
  /** It has a 思考题 study aid (aside[data-study-aid="questions"]). */
  hasQuestions: boolean;
  /** Size of the built page, to pick short texts for a quick PDF. */
  bytes: number;
}

const squeeze = (s: string) => s.replace(/\s+/g, '');

/** An article page of the built site, read as the PDF outline will see it. */
export function builtArticle(dist: string, id: string): BuiltArticle {
  const file = path.join(dist, 'articles', id, 'index.html');
  const html = fs.readFileSync(file, 'utf8');
  const tree = fromHtml(html);
  const article = select('main article', tree);
  const h1 = article && select('h1', article);
  const body = article && select('.article-body', article);
  if (!article || !h1 || !body) throw new Error(`${file}: no article with a title and a body`);
  const contains = (ancestor: Element, el: Element) =>
    ancestor === el || selectAll('*', ancestor).includes(el);
  const hidden = selectAll(NOT_PRINTED, body);
  const aids = selectAll('[data-study-aid]', body);
  const headings = selectAll('h2, h3, h4, h5, h6', body)
    .filter((h) => !hidden.some((x) => contains(x, h)))
    .map((h) => {
      const kind = aids.find((a) => contains(a, h))?.properties.dataStudyAid;
      return {
        level: Number(h.tagName[1]),
        text: squeeze(toString(h)),
        ...(kind ? { aid: String(kind) } : {}),
      };
    });
  return {
    id,
    title: squeeze(toString(h1)),
    headings,
    hasQuestions: selectAll('[data-study-aid="questions"] h2', body).length > 0,
    bytes: html.length,
  };
}

/** 一、 at the head of a heading: a numbered part of the text. */
export const PART_HEADING = /^[一二三四五六七八九十百]+、/;
