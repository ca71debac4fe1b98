/** A source that cannot become articles; the message always names the file (and line when known). */
export class SourceError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly reason: string;
  constructor(file: string, reason: string, line?: number) {
    super(`${file}${line ? `:${line}` : ''}: ${reason}`);
    this.name = 'SourceError';
    this.file = file;
    this.line = line;
    this.reason = reason;
  }
}
