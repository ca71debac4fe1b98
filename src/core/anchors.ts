/**
 * Section anchors: s2 for the second 一、 section, s2-1 for its first (一), s2-1-p3 for the third
 * point (一是…) under it. Ids count headings in order rather than reading their numerals, so they are
 * unique even when a source numbers wrongly, and identical for identical Markdown on every rebuild.
 */
export class AnchorCounter {
  #section = 0;
  #sub = 0;
  #point = 0;

  heading(depth: number): string {
    this.#point = 0;
    if (depth <= 2) {
      this.#section++;
      this.#sub = 0;
      return `s${this.#section}`;
    }
    this.#sub++;
    return `s${this.#section}-${this.#sub}`;
  }

  /** The id of the section a point belongs to, or '' before the first heading. */
  get current(): string {
    if (this.#section === 0 && this.#sub === 0) return '';
    return this.#sub > 0 ? `s${this.#section}-${this.#sub}` : `s${this.#section}`;
  }

  point(): string {
    this.#point++;
    return this.current ? `${this.current}-p${this.#point}` : `p${this.#point}`;
  }
}
