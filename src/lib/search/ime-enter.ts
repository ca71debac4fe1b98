/**
 * The Enter that confirms characters in an input method is not a search: it is held back for as
 * long as the key went to the input method (isComposing; keyCode 229 where a browser sends it after
 * compositionend). Used by the search page and, from page load, by the header box.
 */
export function holdInputMethodEnter(input: HTMLInputElement): void {
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.isComposing || e.keyCode === 229)) e.preventDefault();
  });
}
