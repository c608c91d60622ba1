import { createReadStream } from "node:fs";
import { createGunzip, type Gunzip } from "node:zlib";

/** Thrown for anything wrong with a backup file itself (as opposed to the database). */
export class BackupFileError extends Error {
  override name = "BackupFileError";
}

/**
 * Reads a gzip'd JSON-lines file one line at a time, pulling from the stream only when needed, so a
 * restore holds one batch in memory. Stream errors (missing file, bad or truncated gzip) surface
 * from next() as BackupFileError.
 */
export class LineReader {
  private pending: string[] = [];
  private index = 0;
  private tail = "";
  private ended = false;
  private readonly chunks: AsyncIterator<string>;
  private readonly gunzip: Gunzip;
  lineNumber = 0;

  constructor(readonly file: string) {
    const source = createReadStream(file);
    this.gunzip = createGunzip();
    this.gunzip.setEncoding("utf8");
    source.on("error", (e) => this.gunzip.destroy(e));
    source.pipe(this.gunzip);
    this.chunks = this.gunzip[Symbol.asyncIterator]();
  }

  async next(): Promise<string | undefined> {
    while (this.index >= this.pending.length) {
      if (this.ended) {
        if (!this.tail) return undefined;
        this.pending = [this.tail];
        this.index = 0;
        this.tail = "";
        break;
      }
      let chunk: IteratorResult<string>;
      try {
        chunk = await this.chunks.next();
      } catch (error) {
        const code = (error as NodeJS.ErrnoException)?.code;
        if (code === "ENOENT") throw new BackupFileError(`${this.file}: no such file`, { cause: error });
        throw new BackupFileError(`${this.file} is unreadable, truncated or corrupt: ${describe(error)}`, {
          cause: error,
        });
      }
      if (chunk.done) {
        this.ended = true;
        continue;
      }
      const parts = (this.tail + chunk.value).split("\n");
      this.tail = parts.pop() ?? "";
      this.pending = parts;
      this.index = 0;
    }
    this.lineNumber++;
    return this.pending[this.index++];
  }

  /** The next line parsed as a JSON object, or an error naming what was expected. */
  async nextJson(what: string): Promise<Record<string, unknown>> {
    const line = await this.next();
    if (line === undefined) throw new BackupFileError(`${this.file} is truncated: ${what} is missing`);
    try {
      const value: unknown = JSON.parse(line);
      if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {}
    throw new BackupFileError(`${this.file} is corrupt: line ${this.lineNumber} is not a valid ${what}`);
  }

  close(): void {
    this.gunzip.destroy();
  }
}

function describe(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e?.code === "Z_DATA_ERROR") return `not a gzip file or damaged data (${e.message})`;
  if (e?.code === "Z_BUF_ERROR") return "the file ends early";
  return e?.message ?? String(error);
}
