/**
 * Where an article's page is, relative to the site root: articles/<id>/. Without Astro's runtime,
 * so the site (urls.ts), the browser's handout and notes code and the sitemap share one rule.
 */
export function articlePath(id: string): string {
  return `articles/${id}/`;
}
