/**
 * An inline script placed right after an open <details>: it folds it on a phone, where it would push
 * the text off the first screen. Open on wide screens, without JavaScript, in print and handouts.
 * Written as one line so the page carries it as written.
 */
export const FOLD_ON_PHONES_SCRIPT =
  "if (matchMedia('(max-width: 47.99rem)').matches) document.currentScript.previousElementSibling.open = false;";
