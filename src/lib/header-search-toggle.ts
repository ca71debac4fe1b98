/**
 * On phones the header search sits behind an icon. Without JavaScript the icon is a link to the
 * search page; with it, the icon opens the header's own box in place and puts the cursor in it.
 */
export function startHeaderSearchToggle(): void {
  const icon = document.querySelector<HTMLAnchorElement>('[data-search-open]');
  const header = icon?.closest<HTMLElement>('.site-header');
  const input = header?.querySelector<HTMLInputElement>('.header-search input[name="q"]');
  if (!icon || !header || !input) return;
  icon.setAttribute('role', 'button');
  icon.setAttribute('aria-expanded', 'false');
  icon.addEventListener('click', (e) => {
    e.preventDefault();
    const open = !header.hasAttribute('data-search-open');
    header.toggleAttribute('data-search-open', open);
    icon.setAttribute('aria-expanded', String(open));
    if (open) input.focus();
  });
}
