/** localStorage keys shared by the early inline script in BaseLayout and ReadingControls. */
export const READING_KEY = 'zx-reading';
export const FONT_KEY = 'zx-font-scale';

/** Font scales a reader steps through with A− / A+. */
export const FONT_SCALES = [0.875, 1, 1.125, 1.25, 1.5, 1.75, 2];

/** The next scale up (step 1) or down (step -1) from the nearest one, clamped to the ends. */
export function nextFontScale(current: number, step: number): number {
  let nearest = 0;
  FONT_SCALES.forEach((s, i) => {
    if (Math.abs(s - current) < Math.abs(FONT_SCALES[nearest] - current)) nearest = i;
  });
  return FONT_SCALES[Math.min(FONT_SCALES.length - 1, Math.max(0, nearest + step))];
}
