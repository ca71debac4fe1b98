/**
 * The components an article body may use: ingest writes only these (scripts/ingest/stages/emit.ts
 * refuses any other JSX), the article loader renders only these (src/site/article-loader.ts), and
 * src/components/study-aids.ts maps each name to its component.
 */

/** Block components, placed before or after the text (编者注, 编者按, 学习要点, 思考题, 金句, 勘误). */
export const STUDY_AID_COMPONENTS = [
  'Notice',
  'EditorsNote',
  'KeyPoints',
  'StudyQuestions',
  'KeyQuotes',
  'KeyQuote',
  'Errata',
  'ErratumNote',
] as const;
export type StudyAidComponent = (typeof STUDY_AID_COMPONENTS)[number];

/** The only component allowed inside a paragraph or heading: the mark of a corrected place (勘误). */
export const INLINE_COMPONENTS = ['Erratum'] as const;

/** Every component an article body may name. */
export const ARTICLE_COMPONENTS = [...STUDY_AID_COMPONENTS, ...INLINE_COMPONENTS] as const;
export type ArticleComponent = (typeof ARTICLE_COMPONENTS)[number];
