import { describe, expect, it } from 'vitest';
import { keyStep, slideAfter, slideFromHash } from '../../src/lib/projection.ts';

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
