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
export function keyStep(key: string): SlideStep | null {
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

export type SlideStep = 1 | -1 | 'first' | 'last' | 'exit';

/**
 * The slide a step leads to from `index` among `count` slides: clamped at both ends (a clicker
 * pressed once too often stays on the last slide); null for Esc, which leaves the projection.
 */
export function slideAfter(index: number, step: SlideStep, count: number): number | null {
  if (step === 'exit') return null;
  const to = step === 'first' ? 0 : step === 'last' ? count - 1 : index + step;
  return Math.min(Math.max(to, 0), Math.max(count - 1, 0));
}

/** How far a slide is scrolled, in CSS pixels: what decides whether a key reveals or moves on. */
export interface SlideView {
  /** scrollTop */
  top: number;
  /** clientHeight: the part of the slide on screen */
  height: number;
  /** scrollHeight: the whole slide */
  full: number;
  /** one line of projected text */
  line: number;
}

/**
 * Keys that page *within* a slide before they leave it. A presenter's remote sends PageDown (some
 * Space or ArrowDown); if those jumped straight to the next slide, the end of a paragraph that does
 * not fit would never be shown. ArrowRight/ArrowLeft still move a whole slide at once.
 */
const REVEAL_KEYS: Record<string, 1 | -1> = {
  PageDown: 1,
  ' ': 1,
  ArrowDown: 1,
  PageUp: -1,
  ArrowUp: -1,
};

/**
 * Where the slide should scroll to for `direction`, or null when it is already showing its end
 * (forward) or its start (backward), so the key moves to the next or previous slide instead. A page
 * is the visible height less one line, so the line the audience was reading stays on screen.
 */
export function revealTo(view: SlideView, direction: 1 | -1): number | null {
  const last = Math.max(view.full - view.height, 0);
  const page = Math.max(view.height - view.line, view.line);
  if (direction === 1) return view.top < last - 1 ? Math.min(view.top + page, last) : null;
  return view.top > 1 ? Math.max(view.top - page, 0) : null;
}

/** What a key does on the slide as it is: scroll it (to a scrollTop), change slide, or nothing. */
export function keyAction(
  key: string,
  view: SlideView,
): { scrollTo: number } | { step: SlideStep } | null {
  const direction = REVEAL_KEYS[key] as 1 | -1 | undefined;
  if (direction !== undefined) {
    const to = revealTo(view, direction);
    if (to !== null) return { scrollTo: to };
  }
  const step = keyStep(key);
  return step === null ? null : { step };
}

interface ProjectionParts {
  start: HTMLButtonElement;
  overlay: HTMLElement;
  stage: HTMLElement;
  materialLabel: HTMLElement;
  position: HTMLElement;
  more: HTMLElement | null;
}

function projectionParts(): ProjectionParts | null {
  const start = document.querySelector<HTMLButtonElement>('.projection-start');
  const overlay = document.querySelector<HTMLElement>('.projection');
  const stage = overlay?.querySelector<HTMLElement>('.projection-slide');
  const materialLabel = overlay?.querySelector<HTMLElement>('.projection-material');
  const position = overlay?.querySelector<HTMLElement>('.projection-position');
  if (!start || !overlay || !stage || !materialLabel || !position) return null;
  const more = overlay.querySelector<HTMLElement>('.projection-more');
  return { start, overlay, stage, materialLabel, position, more };
}

function viewOf(stage: HTMLElement): SlideView {
  const line = parseFloat(getComputedStyle(stage).lineHeight) || 40;
  return {
    top: stage.scrollTop,
    height: stage.clientHeight,
    full: stage.scrollHeight,
    line,
  };
}

/** Marks whether the slide has more below what is on screen ("下接"), for the presenter. */
function markMore(parts: ProjectionParts): void {
  const hasMore = revealTo(viewOf(parts.stage), 1) !== null;
  if (parts.more) parts.more.hidden = !hasMore;
}

function renderSlide(parts: ProjectionParts, slide: Slide, at: number, count: number): void {
  const { stage } = parts;
  stage.replaceChildren();
  if (slide.opening) {
    const title = document.createElement('p');
    title.className = 'projection-title';
    title.textContent = slide.title;
    stage.append(title);
  }
  stage.append(...slide.nodes.map((n) => n.cloneNode(true)));
  stage.scrollTop = 0;
  parts.materialLabel.textContent = slide.material;
  parts.position.textContent = `${at + 1} / ${count}`;
  history.replaceState(null, '', `#projection-${at + 1}`);
  document.documentElement.dataset.projectionSlide = String(at + 1);
  markMore(parts);
}

/** The projection's state: the slides (built on first use) and the one on screen. */
class Projection {
  private slides: Slide[] | null = null;
  private index = 0;

  constructor(
    private readonly parts: ProjectionParts,
    private readonly base: string,
    private readonly items: HandoutItem[],
  ) {}

  get open(): boolean {
    return !this.parts.overlay.hidden;
  }

  async ensureSlides(): Promise<Slide[]> {
    if (!this.slides) {
      const { start } = this.parts;
      start.disabled = true;
      start.textContent = '正在准备投影……';
      const { loaded } = await loadItems(this.base, this.items);
      this.slides = buildSlides(loaded);
      start.disabled = false;
      start.textContent = '投影模式';
    }
    return this.slides;
  }

  show(i: number): void {
    const slides = this.slides;
    if (!slides || slides.length === 0) return;
    this.index = Math.min(Math.max(i, 0), slides.length - 1);
    renderSlide(this.parts, slides[this.index], this.index, slides.length);
  }

  async enter(at = 0): Promise<void> {
    await this.ensureSlides();
    this.parts.overlay.hidden = false;
    document.documentElement.classList.add('projecting');
    this.show(at);
    this.parts.overlay.focus();
  }

  leave(): void {
    this.parts.overlay.hidden = true;
    document.documentElement.classList.remove('projecting');
    history.replaceState(null, '', location.pathname + location.search);
    delete document.documentElement.dataset.projectionSlide;
    if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
    this.parts.start.focus();
  }

  /** Carries out a key: reveals the rest of the slide, or moves. Returns whether it was used. */
  press(key: string): boolean {
    const action = keyAction(key, viewOf(this.parts.stage));
    if (action === null) return false;
    if ('scrollTo' in action) {
      this.parts.stage.scrollTo({ top: action.scrollTo, behavior: 'instant' });
      markMore(this.parts);
      return true;
    }
    const to = slideAfter(this.index, action.step, this.slides?.length ?? 0);
    if (to === null) this.leave();
    // Pressed once too often on the last slide: stay where the reader is, scrolled as it is.
    else if (to !== this.index) this.show(to);
    return true;
  }
}

function wireProjection(projection: Projection, parts: ProjectionParts): void {
  const { start, overlay, stage } = parts;
  start.addEventListener('click', async () => {
    // Full screen must be asked for inside the click, before anything is awaited.
    overlay.hidden = false;
    if (overlay.requestFullscreen) overlay.requestFullscreen().catch(() => {});
    await projection.enter(0);
  });
  overlay.tabIndex = -1;
  // A click is a clicker's "next": it too reveals the rest of the slide first.
  overlay.addEventListener('click', (e) => {
    if ((e.target as HTMLElement).closest('a')) return;
    projection.press('PageDown');
  });
  stage.addEventListener('scroll', () => markMore(parts), { passive: true });
  document.addEventListener('keydown', (e) => {
    if (!projection.open || e.altKey || e.ctrlKey || e.metaKey) return;
    if (projection.press(e.key)) e.preventDefault();
  });
  document.addEventListener('fullscreenchange', () => {
    if (!document.fullscreenElement && projection.open) overlay.focus();
  });
}

/**
 * Wires projection mode on a study session's page: the start button (its data-items lists the
 * materials) and the overlay it fills, one slide at a time.
 */
export function mountProjection(base: string): void {
  const parts = projectionParts();
  if (!parts) return;
  const items = (parts.start.dataset.items ?? '')
    .split(',')
    .map((s) => parseItem(s))
    .filter((i): i is HandoutItem => i !== null);
  const projection = new Projection(parts, base, items);
  wireProjection(projection, parts);
  // A reload or a shared link with #projection-N opens the projection at that slide.
  if (location.hash.startsWith('#projection-')) {
    void projection
      .ensureSlides()
      .then((s) => projection.enter(slideFromHash(location.hash, s.length) ?? 0));
  }
}
