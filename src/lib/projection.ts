import type { LoadedItem } from './handout-document.ts';

/**
 * Projection mode for a study session: the materials cut into slides, one section at a time in large
 * type, moved with the arrow keys or a presenter clicker (which sends PageUp/PageDown), the slide
 * number kept in the URL (#projection-3) so a reload or a shared link opens at the same place.
 */

export interface Slide {
  /** "2024年政府工作报告" — which material the slide belongs to. */
  material: string;
  /** The section heading the slide sits under, if any. */
  heading?: string;
  /** Whether this slide opens a material (shows the article's title large). */
  opening: boolean;
  /** The article's title, shown large on the opening slide. */
  title: string;
  nodes: Node[];
}

/** About what fits on a projected screen in large type; a longer section continues on the next slide. */
export const SLIDE_CHARACTERS = 200;

const textLength = (n: Node) => [...(n.textContent ?? '').replace(/\s/g, '')].length;

export function buildSlides(loaded: LoadedItem[], budget = SLIDE_CHARACTERS): Slide[] {
  const slides: Slide[] = [];
  for (const l of loaded) {
    const material = l.sectionTitle ? `${l.title}：${l.sectionTitle}` : l.title;
    let current: Slide = { material, title: l.title, opening: true, nodes: [] };
    let size = 0;
    const flush = () => {
      if (current.nodes.length > 0 || current.opening) slides.push(current);
    };
    const body = l.element.querySelector('.article-body');
    const aids = [...(body?.children ?? [])].filter((node) => node.matches('[data-study-aid]'));
    for (const node of [...(body?.children ?? [])]) {
      // Study aids (编者按, 学习要点, 金句) each get a slide of their own, headed by what they are.
      if (node.matches('[data-study-aid]')) {
        flush();
        slides.push({ material, title: l.title, opening: false, heading: node.querySelector('h2')?.textContent?.trim(), nodes: [node.cloneNode(true)] });
        current = { material, title: l.title, heading: current.heading, opening: false, nodes: [] };
        size = 0;
        continue;
      }
      const isHeading = /^H[2-4]$/.test(node.tagName);
      if (isHeading) {
        // Each section starts a new slide, except straight after a material's title.
        if (!(current.opening && current.nodes.length === 0)) {
          flush();
          current = { material, title: l.title, opening: false, nodes: [] };
          size = 0;
        }
        current.heading = node.textContent?.trim();
      } else if (size > 0 && size + textLength(node) > (current.opening ? budget / 2 : budget)) {
        flush();
        current = { material, title: l.title, heading: current.heading, opening: false, nodes: [] };
        size = 0;
      }
      current.nodes.push(node.cloneNode(true));
      size += isHeading ? 0 : textLength(node);
    }
    flush();
    // 思考题 close the material, on the last slide before the next one: what the session discusses.
    if (l.questions && !aids.includes(l.questions)) {
      slides.push({ material, title: l.title, opening: false, heading: '思考题', nodes: [l.questions.cloneNode(true)] });
    }
  }
  return slides;
}

/** The slide a URL hash points at (1-based in the URL, 0-based here), or null. */
export function slideFromHash(hash: string, count: number): number | null {
  const m = /^#projection-(\d+)$/.exec(hash);
  if (!m) return null;
  return Math.min(Math.max(Number(m[1]) - 1, 0), Math.max(count - 1, 0));
}

/** Keys that move a slide; presenter clickers send PageDown/PageUp (some send arrows or Space). */
export function keyStep(key: string): number | 'first' | 'last' | 'exit' | null {
  switch (key) {
    case 'ArrowRight': case 'ArrowDown': case 'PageDown': case ' ': case 'Enter': case 'n':
      return 1;
    case 'ArrowLeft': case 'ArrowUp': case 'PageUp': case 'Backspace': case 'p':
      return -1;
    case 'Home': return 'first';
    case 'End': return 'last';
    case 'Escape': return 'exit';
    default: return null;
  }
}
