import { createReadStream } from "node:fs";

export interface CsvRecord {
  /** 1-based line of the record's first character in the file. */
  line: number;
  cells: string[];
}

export class CsvFormatError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

export type Encoding = "utf-8" | "latin1";

/** UTF-8 read as ISO-8859-1 shows as Ã or Â followed by a C1 or Latin-1 punctuation character. */
const MOJIBAKE = /[\u00c2\u00c3][\u0080-\u00bf]/;

/** UTF-8 when the first bytes decode as UTF-8 (or carry its BOM), else ISO-8859-1. */
export function detectEncoding(head: Uint8Array): Encoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return "utf-8";
  try {
    // A multi-byte character may be cut at the end of the sample: ignore the last 3 bytes.
    new TextDecoder("utf-8", { fatal: true }).decode(head.subarray(0, Math.max(0, head.length - 3)));
    return "utf-8";
  } catch {
    return "latin1";
  }
}

/** The separator of the header line: whichever of ; , tab occurs most outside quotes. */
export function detectSeparator(firstLine: string): string {
  const counts = new Map<string, number>([
    [";", 0],
    [",", 0],
    ["\t", 0],
  ]);
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? ";";
}

/**
 * Streams the records of a CSV file (RFC 4180 quoting, CRLF or LF), decoding UTF-8 or ISO-8859-1
 * and detecting the separator from the first non-empty line. A file that switches encoding midway
 * fails at the line where it stops being valid UTF-8.
 */
export async function* readCsv(
  path: string,
  opts: { separator?: string; encoding?: Encoding; onBytes?: (bytesRead: number) => void } = {},
) {
  let decoder: TextDecoder | undefined;
  let encoding: Encoding | undefined = opts.encoding;
  let separator = opts.separator;
  let line = 1;
  let recordLine = 1;
  let field = "";
  let cells: string[] = [];
  let quoted = false;
  let afterQuote = false;
  let pendingText = "";
  let started = false;

  const emitField = () => {
    cells.push(field);
    field = "";
  };
  const records: CsvRecord[] = [];
  const feed = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const ch = text[i] as string;
      if (!started) {
        if (ch === "\uFEFF") continue;
        started = true;
      }
      if (quoted) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i++;
          } else {
            quoted = false;
            afterQuote = true;
          }
        } else {
          if (ch === "\n") line++;
          field += ch;
        }
        continue;
      }
      if (ch === '"' && field === "" && !afterQuote) quoted = true;
      else if (ch === separator) {
        emitField();
        afterQuote = false;
      } else if (ch === "\n") {
        emitField();
        records.push({ line: recordLine, cells });
        cells = [];
        afterQuote = false;
        line++;
        recordLine = line;
      } else if (ch !== "\r") field += ch;
    }
  };

  let bytesRead = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
    const bytes = chunk as Buffer;
    bytesRead += bytes.length;
    opts.onBytes?.(bytesRead);
    if (!decoder) {
      encoding ??= detectEncoding(bytes.subarray(0, 64 * 1024));
      if (encoding === "latin1") {
        const asLatin1 = new TextDecoder("latin1").decode(bytes);
        const mojibake = asLatin1.search(MOJIBAKE);
        if (mojibake >= 0) {
          // Both encodings in one file: it changes where the second one first appears.
          const lossy = new TextDecoder("utf-8").decode(bytes);
          const invalid = lossy.indexOf("\uFFFD");
          const linesBefore = (t: string) => 1 + (t.match(/\n/g)?.length ?? 0);
          const invalidLine = linesBefore(lossy.slice(0, invalid));
          const mojibakeLine = linesBefore(asLatin1.slice(0, mojibake));
          throw new CsvFormatError(
            Math.max(invalidLine, mojibakeLine),
            "the file changes encoding at this line (mixed UTF-8 and ISO-8859-1): save it in one encoding",
          );
        }
      }
      decoder = new TextDecoder(encoding, { fatal: encoding === "utf-8" });
    }
    let text: string;
    try {
      text = decoder.decode(bytes, { stream: true });
    } catch {
      const lossy = new TextDecoder("utf-8").decode(bytes);
      const before = pendingText + lossy.slice(0, lossy.indexOf("\uFFFD"));
      const at = line + (before.match(/\n/g)?.length ?? 0);
      throw new CsvFormatError(
        at,
        "not valid UTF-8 from this line on (mixed encodings?): save the file as UTF-8 or ISO-8859-1",
      );
    }
    if (encoding === "latin1") {
      const mojibake = (pendingText + text).search(MOJIBAKE);
      if (mojibake >= 0) {
        const at = line + ((pendingText + text).slice(0, mojibake).match(/\n/g)?.length ?? 0);
        throw new CsvFormatError(
          at,
          "UTF-8 text inside an ISO-8859-1 file from this line on (mixed encodings?): save the file in one encoding",
        );
      }
    }
    if (!separator) {
      pendingText += text;
      const nl = pendingText.search(/\r?\n./);
      if (nl < 0) continue;
      separator = detectSeparator(pendingText.slice(0, nl).replace(/^\uFEFF/, ""));
      text = pendingText;
      pendingText = "";
    }
    feed(text);
    yield* records.splice(0);
  }
  if (!separator) {
    separator = detectSeparator(pendingText);
    feed(pendingText);
  }
  if (quoted) throw new CsvFormatError(recordLine, "a quoted field is never closed");
  if (field !== "" || cells.length) {
    emitField();
    records.push({ line: recordLine, cells });
  }
  yield* records.splice(0);
}

/** Header normalisation: lowercase, no accents, single spaces ("Età" -> "eta", "Totale Maschi" -> "totale maschi"). */
export function normaliseHeader(h: string): string {
  return h
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}
