/**
 * Finding a quoted passage again in an article's text (pure string work, unit-tested; the DOM
 * side is in highlight-dom.ts). Like a W3C TextQuoteSelector: the quote, plus the words just
 * before and after it to choose between places that say the same thing, plus the section as a
 * last tie-breaker.
 */

export interface TextSpan {
  start: number;
  end: number;
}

export interface QuoteSelector {
  quote: string;
  prefix: string;
  suffix: string;
}

function sharedTail(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function sharedHead(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * The span of the quote in text; among several, the one whose surroundings best match prefix
 * and suffix, and then the one inside `section`. null when the words are no longer there.
 */
export function locateQuote(
  text: string,
  selector: QuoteSelector,
  section?: TextSpan,
): TextSpan | null {
  const { quote, prefix, suffix } = selector;
  if (!quote) return null;
  let best: TextSpan | null = null;
  let bestScore = -1;
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
    const end = at + quote.length;
    const inSection = section && at >= section.start && at < section.end ? 0.5 : 0;
    const score =
      sharedTail(text.slice(Math.max(0, at - prefix.length), at), prefix) +
      sharedHead(text.slice(end, end + suffix.length), suffix) +
      inSection;
    if (score > bestScore) {
      best = { start: at, end };
      bestScore = score;
    }
  }
  return best;
}

/** The selector to store for text[start, end): the quote and `context` characters each side. */
export function selectorFor(text: string, span: TextSpan, context: number): QuoteSelector {
  return {
    quote: text.slice(span.start, span.end),
    prefix: text.slice(Math.max(0, span.start - context), span.start),
    suffix: text.slice(span.end, span.end + context),
  };
}

/** A selection trimmed of the spaces and line breaks at its ends, which no reader means to quote. */
export function trimSpan(text: string, span: TextSpan): TextSpan {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}
