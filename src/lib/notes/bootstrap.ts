import { browserStore, NOTES_KEY } from '../local-store.ts';
import { startStudyRecord } from '../record/tracker.ts';

/**
 * The only notes code an article page loads up front: it fetches the highlighting code once the
 * reader selects words in the text, or at once when this article already has notes to draw.
 */
export function startNotesWhenUsed(): void {
  startStudyRecord(browserStore());
  const host = document.querySelector<HTMLElement>('[data-reader-notes]');
  const body = document.querySelector<HTMLElement>('.article-body');
  const store = browserStore();
  if (!host || !body || !store) return;
  host.hidden = false;
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    document.removeEventListener('selectionchange', onSelection);
    void import('./article-notes.ts').then((m) => m.startArticleNotes(host, body, store));
  };
  const onSelection = () => {
    const s = getSelection();
    if (
      s &&
      !s.isCollapsed &&
      s.rangeCount > 0 &&
      body.contains(s.getRangeAt(0).commonAncestorContainer)
    )
      start();
  };
  // A plain text test rather than parsing every note: this runs on every article page.
  if (store.getItem(NOTES_KEY)?.includes(`"article":${JSON.stringify(host.dataset.article)}`))
    start();
  else document.addEventListener('selectionchange', onSelection);
}
