/**
 * A one-line progress report (count, current item, elapsed) that rewrites itself on a terminal and
 * stays silent where output is not a TTY (CI, pipes), so logs hold results, not animation.
 */
import { environment } from '../../src/site/environment.ts';

export class Progress {
  readonly #label: string;
  readonly #total: number;
  readonly #stream: NodeJS.WriteStream;
  readonly #live: boolean;
  readonly #started = Date.now();
  #count = 0;
  #lastDraw = 0;

  constructor(
    label: string,
    total: number,
    quiet = false,
    stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.#label = label;
    this.#total = total;
    this.#stream = stream;
    this.#live = !quiet && Boolean(stream.isTTY) && !environment.ci;
  }

  tick(item: string): void {
    this.#count++;
    const now = Date.now();
    if (!this.#live || (now - this.#lastDraw < 100 && this.#count < this.#total)) return;
    this.#lastDraw = now;
    const elapsed = ((now - this.#started) / 1000).toFixed(1);
    const line = `${this.#label} ${this.#count}/${this.#total} ${elapsed}s ${item}`;
    this.#stream.write(`\r\x1b[2K${line.slice(0, (this.#stream.columns ?? 100) - 1)}`);
  }

  done(): void {
    if (this.#live) this.#stream.write('\r\x1b[2K');
  }
}
