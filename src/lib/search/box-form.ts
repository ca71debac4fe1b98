/** The header's search form (SearchBox.astro): box-start.ts wakes it, box-view.ts finds its parts in it. */
export const SEARCH_BOX_FORM = '[data-site-search]';
