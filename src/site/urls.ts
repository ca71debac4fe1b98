import { articlePath } from '../core/article-path.ts';

/** Builds site-internal URLs that respect Astro's `base`, so the archive works under a sub-path. */
export function url(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  return `${base}${path.replace(/^\//, '')}`;
}

export function articleUrl(id: string): string {
  return url(articlePath(id));
}
