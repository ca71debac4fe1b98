/** Builds result elements with DOM calls (never innerHTML: titles and excerpts are page text). */
import { el } from '../dom.ts';
import type { Hit } from './hits.ts';
import type { LoadedHit, Snippet } from './excerpts.ts';

export function snippetElement(snippet: Snippet, className: string): HTMLElement {
  const p = el('p', className);
  snippet.parts.forEach((part, i) => {
    if (!part) return;
    p.append(i % 2 === 1 ? el('mark', undefined, part) : document.createTextNode(part));
  });
  return p;
}

export function resultElement(hit: Hit, loaded: LoadedHit): HTMLElement {
  const li = el('li', 'search-result');
  li.setAttribute('data-search-result', '');
  const h = el('h2', 'search-result-title');
  const a = el('a', undefined, loaded.title);
  a.href = loaded.url;
  h.append(a);
  li.append(h);
  const meta = [
    hit.page.f.column?.join('、'),
    hit.page.f.author?.join('、'),
    loaded.date || hit.page.d,
  ].filter(Boolean) as string[];
  if (loaded.count > 0) meta.push(`${loaded.count} 处`);
  li.append(el('p', 'search-result-meta', meta.join(' · ')));
  li.append(snippetElement(loaded.snippet, 'search-result-excerpt'));
  if (loaded.subResults.length > 0) {
    const ul = el('ul', 'search-subresults');
    for (const sub of loaded.subResults.slice(0, 3)) {
      const item = el('li', 'search-subresult');
      const link = el('a', undefined, sub.heading);
      link.href = sub.url;
      item.append(link, el('span', 'search-subresult-count', `（${sub.count} 处）`));
      // The section holding the page excerpt's match would only repeat it.
      if (sub.snippet.parts.join('\0') !== loaded.snippet.parts.join('\0'))
        item.append(snippetElement(sub.snippet, 'search-subresult-excerpt'));
      ul.append(item);
    }
    if (loaded.subResults.length > 3)
      ul.append(
        el('li', 'search-subresult-more', `另有 ${loaded.subResults.length - 3} 节含检索词`),
      );
    li.append(ul);
  }
  return li;
}
