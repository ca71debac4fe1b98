import { parseItem, type HandoutItem } from '../core/handout-items.ts';
import { loadItems, type LoadedItem } from './handout-document.ts';

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
        slides.push({
          material,
          title: l.title,
          opening: false,
          heading: node.querySelector('h2')?.textContent?.trim(),
          nodes: [node.cloneNode(true)],
        });
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
      slides.push({
        material,
        title: l.title,
        opening: false,
        heading: '思考题',
        nodes: [l.questions.cloneNode(true)],
      });
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
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
    case ' ':
    case 'Enter':
    case 'n':
      return 1;
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
    case 'Backspace':
    case 'p':
      return -1;
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'Escape':
      return 'exit';
    default:
      return null;
  }
}

/**
 * The slide a step leads to from `index` among `count` slides: clamped at both ends (a clicker
 * pressed once too often stays on the last slide); null for Esc, which leaves the projection.
 */
export function slideAfter(
  index: number,
  step: Exclude<ReturnType<typeof keyStep>, null>,
  count: number,
): number | null {
  if (step === 'exit') return null;
  const to = step === 'first' ? 0 : step === 'last' ? count - 1 : index + step;
  return Math.min(Math.max(to, 0), Math.max(count - 1, 0));
}

/**
 * Wires projection mode on a study session's page: the start button (its data-items lists the
 * materials) and the overlay it fills, one slide at a time.
 */
export function mountProjection(base: string): void {
  const start = document.querySelector<HTMLButtonElement>('.projection-start')!;
  const overlay = document.querySelector<HTMLElement>('.projection')!;
  const stage = overlay.querySelector<HTMLElement>('.projection-slide')!;
  const materialLabel = overlay.querySelector<HTMLElement>('.projection-material')!;
  const position = overlay.querySelector<HTMLElement>('.projection-position')!;
  const items = (start.dataset.items ?? '')
    .split(',')
    .map((s) => parseItem(s))
    .filter((i): i is HandoutItem => i !== null);

  let slides: Slide[] | null = null;
  let index = 0;

  async function ensureSlides(): Promise<Slide[]> {
    if (!slides) {
      start.disabled = true;
      start.textContent = '正在准备投影……';
      const { loaded } = await loadItems(base, items);
      slides = buildSlides(loaded);
      start.disabled = false;
      start.textContent = '投影模式';
    }
    return slides;
  }

  function show(i: number): void {
    if (!slides || slides.length === 0) return;
    index = Math.min(Math.max(i, 0), slides.length - 1);
    const slide = slides[index];
    stage.replaceChildren();
    if (slide.opening) {
      const title = document.createElement('p');
      title.className = 'projection-title';
      title.textContent = slide.title;
      stage.append(title);
    }
    stage.append(...slide.nodes.map((n) => n.cloneNode(true)));
    stage.scrollTop = 0;
    materialLabel.textContent = slide.material;
    position.textContent = `${index + 1} / ${slides.length}`;
    history.replaceState(null, '', `#projection-${index + 1}`);
    document.documentElement.dataset.projectionSlide = String(index + 1);
  }

  async function open(at = 0): Promise<void> {
    await ensureSlides();
    overlay.hidden = false;
    document.documentElement.classList.add('projecting');
    show(at);
    overlay.focus();
  }

  function close(): void {
    overlay.hidden = true;
    document.documentElement.classList.remove('projecting');
    history.replaceState(null, '', location.pathname + location.search);
    delete document.documentElement.dataset.projectionSlide;
    if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
    start.focus();
  }

  start.addEventListener('click', async () => {
    // Full screen must be asked for inside the click, before anything is awaited.
    overlay.hidden = false;
    if (overlay.requestFullscreen) overlay.requestFullscreen().catch(() => {});
    await open(0);
  });
  overlay.tabIndex = -1;
  overlay.addEventListener('click', (e) => {
    if ((e.target as HTMLElement).closest('a')) return;
    show(index + 1);
  });
  document.addEventListener('keydown', (e) => {
    if (overlay.hidden || e.altKey || e.ctrlKey || e.metaKey) return;
    const step = keyStep(e.key);
    if (step === null) return;
    e.preventDefault();
    const to = slideAfter(index, step, slides?.length ?? 0);
    if (to === null) close();
    else show(to);
  });
  document.addEventListener('fullscreenchange', () => {
    if (!document.fullscreenElement && !overlay.hidden) overlay.focus();
  });
  // A reload or a shared link with #projection-N opens the projection at that slide.
  if (location.hash.startsWith('#projection-')) {
    void ensureSlides().then((s) => open(slideFromHash(location.hash, s.length) ?? 0));
  }
}
