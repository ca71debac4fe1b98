import { describe, expect, it } from 'vitest';
import {
  keyAction,
  keyStep,
  revealTo,
  slideAfter,
  slideFromHash,
} from '../../src/lib/projection.ts';

describe('projection controls', () => {
  it('moves on the keys presenter clickers send', () => {
    for (const key of ['PageDown', 'ArrowRight', 'ArrowDown', ' '])
      expect(keyStep(key), key).toBe(1);
    for (const key of ['PageUp', 'ArrowLeft', 'ArrowUp']) expect(keyStep(key), key).toBe(-1);
    expect(keyStep('Escape')).toBe('exit');
    expect(keyStep('Home')).toBe('first');
    expect(keyStep('End')).toBe('last');
    expect(keyStep('a')).toBeNull();
  });

  it('reads the slide from the URL, 1-based, clamped to the slides there are', () => {
    expect(slideFromHash('#projection-3', 10)).toBe(2);
    expect(slideFromHash('#projection-99', 10)).toBe(9);
    expect(slideFromHash('#projection-0', 10)).toBe(0);
    expect(slideFromHash('#s3-1', 10)).toBeNull();
  });
});

describe('slideAfter', () => {
  it('steps one slide, stopping at the first and the last', () => {
    expect(slideAfter(3, 1, 10)).toBe(4);
    expect(slideAfter(9, 1, 10)).toBe(9);
    expect(slideAfter(0, -1, 10)).toBe(0);
  });

  it('jumps to either end, and leaves on Esc', () => {
    expect(slideAfter(4, 'first', 10)).toBe(0);
    expect(slideAfter(4, 'last', 10)).toBe(9);
    expect(slideAfter(4, 'exit', 10)).toBeNull();
  });

  it('stays on slide 0 while there are no slides yet', () => {
    expect(slideAfter(0, 1, 0)).toBe(0);
    expect(slideAfter(0, 'last', 0)).toBe(0);
  });
});

describe('revealing the rest of a slide before moving on', () => {
  // A slide 1,500 px tall on a 600 px screen, 40 px lines.
  const tall = { top: 0, height: 600, full: 1500, line: 40 };

  it('pages down by a screen less one line, and stops exactly at the end', () => {
    expect(revealTo(tall, 1)).toBe(560);
    expect(revealTo({ ...tall, top: 560 }, 1)).toBe(900);
    expect(revealTo({ ...tall, top: 900 }, 1)).toBeNull();
  });

  it('pages back up to the start, then lets the key go to the previous slide', () => {
    expect(revealTo({ ...tall, top: 900 }, -1)).toBe(340);
    expect(revealTo({ ...tall, top: 340 }, -1)).toBe(0);
    expect(revealTo(tall, -1)).toBeNull();
  });

  it('reaches every pixel of any slide with forward presses alone', () => {
    for (const full of [601, 1234, 5000])
      for (const height of [300, 599, 1080]) {
        let view = { top: 0, height, full, line: 37 };
        let shownTo = height;
        for (let to = revealTo(view, 1); to !== null; to = revealTo(view, 1)) {
          expect(to - view.top, 'never skips a line').toBeLessThanOrEqual(height - 37);
          view = { ...view, top: to };
          shownTo = to + height;
        }
        expect(shownTo).toBeGreaterThanOrEqual(full);
      }
  });

  it('scrolls on PageDown, Space and ArrowDown while there is more; ArrowRight always moves', () => {
    for (const key of ['PageDown', ' ', 'ArrowDown'])
      expect(keyAction(key, tall), key).toEqual({ scrollTo: 560 });
    expect(keyAction('ArrowRight', tall)).toEqual({ step: 1 });
    expect(keyAction('PageDown', { ...tall, top: 900 })).toEqual({ step: 1 });
    expect(keyAction('PageUp', tall)).toEqual({ step: -1 });
    expect(keyAction('a', tall)).toBeNull();
  });
});
