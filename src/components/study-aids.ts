import type { ArticleComponent } from '../core/article-components.ts';
import EditorsNote from './EditorsNote.astro';
import KeyPoints from './KeyPoints.astro';
import KeyQuote from './KeyQuote.astro';
import KeyQuotes from './KeyQuotes.astro';
import StudyQuestions from './StudyQuestions.astro';
import Notice from './Notice.astro';
import Errata from './Errata.astro';
import ErratumNote from './ErratumNote.astro';
import Erratum from './Erratum.astro';

/**
 * The components an article body may use, by the name the body writes (ingest's allow-list,
 * scripts/ingest/stages/emit.ts). The article loader renders each one into the article's stored HTML
 * when the collection syncs (src/site/article-loader.ts); a component added here is rendered the
 * same way, with its string attributes as props and the body's text inside it as its slot.
 */
export const STUDY_AIDS = {
  Notice,
  EditorsNote,
  KeyPoints,
  KeyQuotes,
  KeyQuote,
  StudyQuestions,
  Errata,
  ErratumNote,
  Erratum,
} satisfies Record<ArticleComponent, unknown>;
