/**
 * Header search box behaviour, loaded with the box's first focus (box-start.ts): it starts loading
 * the search; typing suggests the first matches, but never while an input method is composing
 * characters (the Enter that confirms 新质 must not submit, nor the half-typed pinyin be searched);
 * arrow keys move through the suggestions, Enter opens the chosen one, Esc closes them. Enter with
 * none chosen goes to the search page.
 *
 * The parts: what every page runs (box-start.ts), the box's elements and its list (box-view.ts),
 * its state (`BoxState`), and here the events that change them.
 */
import type { Hit } from './hits.ts';
import type { InputMethodWatch } from './ime-enter.ts';
import * as view from './box-view.ts';

/** The search code itself loads with the first focus, not with every page a reader opens. */
const search = () => import('./load.ts');

const PREVIEW = 5;
const TYPING_PAUSE_MS = 200;

/** What the box is doing: which preview is current, whether an input method is composing. */
interface BoxState {
  box: view.SearchBoxView;
  run: number;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** Watched since page load (box-start.ts), so a composition begun while this loaded counts. */
  inputMethod: InputMethodWatch;
}

/** Called on the box's first focus: the search starts loading, and the box answers typing. */
export function attachSearchBox(inputMethod: InputMethodWatch): void {
  const box = view.findSearchBox(document);
  if (!box) return;
  const state: BoxState = { box, run: 0, timer: undefined, inputMethod };
  void search().then((m) => m.preloadPagefind());
  box.form.addEventListener('focusout', (e) => {
    if (!box.form.contains(e.relatedTarget as Node | null)) view.closePreview(box);
  });
  listenForTyping(state);
  listenForKeys(state);
  // Words typed while this was loading (not pinyin still being composed: its end previews it).
  if (box.input.value.trim() && !inputMethod.composing) void preview(state, ++state.run);
}

/** A pause in typing previews the matches; an input method's composing never does. */
function listenForTyping(state: BoxState): void {
  const { input } = state.box;
  const schedule = () => {
    clearTimeout(state.timer);
    state.timer = setTimeout(() => void preview(state, ++state.run), TYPING_PAUSE_MS);
  };
  input.addEventListener('compositionstart', () => clearTimeout(state.timer));
  input.addEventListener('compositionend', schedule);
  input.addEventListener('input', (e) => {
    // Mid-composition input is pinyin, not the reader's words yet.
    if (state.inputMethod.composing || (e as InputEvent).isComposing) return;
    schedule();
  });
}

/** Arrows choose a suggestion, Enter opens it, Esc closes the list; no submit while composing. */
function listenForKeys(state: BoxState): void {
  const { box } = state;
  box.input.addEventListener('keydown', (e) => {
    // A key for the input method (its Enter is held back by the watch itself) is not the box's.
    if (state.inputMethod.owns(e)) return;
    if (e.key === 'Escape') view.closePreview(box);
    else if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && !box.preview.hidden) {
      e.preventDefault();
      view.choose(box, box.active + (e.key === 'ArrowDown' ? 1 : -1));
    } else if (e.key === 'Enter' && box.active >= 0 && !box.preview.hidden) {
      const chosen = view.options(box)[box.active];
      if (!chosen) return;
      e.preventDefault();
      location.href = chosen.href;
    }
  });
  // Belt and braces: no submit while composing, whatever the browser does with that Enter.
  box.form.addEventListener('submit', (e) => {
    if (state.inputMethod.composing) e.preventDefault();
  });
}

/** The first few matches of what is typed, from the newest bundles that hold them. */
async function preview(state: BoxState, mine: number): Promise<void> {
  const { box } = state;
  const q = box.input.value.trim();
  if (!q) {
    view.closePreview(box);
    return;
  }
  const engine = await (await search()).loadEngine();
  // A few suggestions need only the newest bundles that hold them, not the whole archive's count.
  let hits: Hit[] = [];
  let complete = false;
  for await (const outcome of engine.progress(q, {})) {
    ({ hits, complete } = outcome);
    if (hits.length >= PREVIEW || mine !== state.run) break;
  }
  const loaded = (await Promise.all(hits.slice(0, PREVIEW).map((h) => h.load()))).filter(
    (l) => l !== undefined,
  );
  if (mine !== state.run || state.inputMethod.composing) return;
  view.showPreview(box, { q, loaded, found: hits.length, complete });
}
