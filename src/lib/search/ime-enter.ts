/** Whether an input method is composing characters in a box, known from the moment it is watched. */
export interface InputMethodWatch {
  readonly composing: boolean;
  /** Whether a key went to the input method, not to the box. */
  owns(e: KeyboardEvent): boolean;
}

/**
 * Watches a search box for an input method: whether it is composing (between compositionstart and
 * compositionend), and which keys go to it (isComposing; keyCode 229 where a browser sends it after
 * compositionend). The Enter that confirms characters is not a search and is held back. The header
 * box is watched from page load, before its behaviour (box.ts) arrives: what the input method did
 * meanwhile must not be taken for the reader's words. The search page watches its own box.
 */
export function watchInputMethod(input: HTMLInputElement): InputMethodWatch {
  const watch = {
    composing: false,
    owns: (e: KeyboardEvent) => watch.composing || e.isComposing || e.keyCode === 229,
  };
  input.addEventListener('compositionstart', () => (watch.composing = true));
  input.addEventListener('compositionend', () => (watch.composing = false));
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && watch.owns(e)) e.preventDefault();
  });
  return watch;
}
