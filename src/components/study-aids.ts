/**
 * The MDX components an article body may use (their names are scripts/stages/emit.ts's allow-list):
 * pass this to `<Content components={studyAidComponents} />`.
 */
import EditorsNote from './EditorsNote.astro';
import KeyPoints from './KeyPoints.astro';
import KeyQuote from './KeyQuote.astro';
import KeyQuotes from './KeyQuotes.astro';
import StudyQuestions from './StudyQuestions.astro';

export const studyAidComponents = { EditorsNote, KeyPoints, KeyQuotes, KeyQuote, StudyQuestions };
