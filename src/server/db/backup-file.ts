import { z } from "zod";
import { BackupFileError, LineReader } from "./backup-io.ts";
import { diffChecksums, RowHasher, type TableChecksum } from "./backup-schema.ts";
import { migrationNames } from "./migrate.ts";

/** The backup file format: header and footer schemas, and reading a file's sections with integrity checks. */

export const FORMAT = "filiera-backup";
export const VERSION = 1;
/** Rows per INSERT: one JSON parameter per statement, so PGlite's bind-parameter limit never applies. */
export const BATCH_ROWS = 2000;
export const BATCH_CHARS = 4 * 1024 * 1024;

const headerSchema = z.object({
  format: z.literal(FORMAT),
  version: z.number().int(),
  createdAt: z.string(),
  server: z.string(),
  migrations: z.array(z.string()),
  tables: z.array(z.object({ name: z.string(), columns: z.array(z.string()), rows: z.number().int().min(0) })),
  sequences: z.array(
    z.object({ name: z.string(), table: z.string(), column: z.string(), lastValue: z.number(), isCalled: z.boolean() }),
  ),
});
const footerSchema = z.object({
  end: z.literal(FORMAT),
  tables: z.array(z.object({ name: z.string(), rows: z.number().int(), sha256: z.string() })),
});
export type BackupHeader = z.infer<typeof headerSchema>;

export interface Progress {
  phase: "backup" | "check-file" | "restore" | "verify";
  table: string;
  /** Rows done in this phase, over all tables. */
  done: number;
  total: number;
}
export interface ProgressOptions {
  onProgress?: (p: Progress) => void;
}

export async function readHeader(reader: LineReader): Promise<BackupHeader> {
  const raw = await reader.nextJson("backup header");
  if (raw.format !== FORMAT) throw new BackupFileError(`${reader.file} is not a Filiera backup`);
  if (raw.version !== VERSION) {
    throw new BackupFileError(`${reader.file} has backup format version ${raw.version}; this Filiera reads ${VERSION}`);
  }
  const parsed = headerSchema.safeParse(raw);
  if (!parsed.success) throw new BackupFileError(`${reader.file} has a malformed header: ${parsed.error.message}`);
  return parsed.data;
}

export async function readFooter(reader: LineReader): Promise<TableChecksum[]> {
  const parsed = footerSchema.safeParse(await reader.nextJson("footer (row counts and checksums)"));
  if (!parsed.success) throw new BackupFileError(`${reader.file} is corrupt: the footer is missing or malformed`);
  if ((await reader.next()) !== undefined) throw new BackupFileError(`${reader.file} has data after its footer`);
  return parsed.data.tables;
}

/**
 * Reads every table section of the file, handing each batch of row lines to onBatch, and checks
 * counts and checksums against the footer.
 */
export async function readSections(
  reader: LineReader,
  header: BackupHeader,
  phase: Progress["phase"],
  options: ProgressOptions,
  onBatch: (table: string, lines: string[]) => Promise<void>,
): Promise<TableChecksum[]> {
  const total = header.tables.reduce((n, t) => n + t.rows, 0);
  const fromFile: TableChecksum[] = [];
  let done = 0;
  for (const t of header.tables) {
    const hasher = new RowHasher();
    let batch: string[] = [];
    let chars = 0;
    const flush = async () => {
      if (!batch.length) return;
      await onBatch(t.name, batch);
      hasher.add(batch);
      done += batch.length;
      options.onProgress?.({ phase, table: t.name, done, total });
      batch = [];
      chars = 0;
    };
    for (let i = 0; i < t.rows; i++) {
      const line = await reader.next();
      if (line === undefined) throw new BackupFileError(`${reader.file} is truncated: table ${t.name} ends early`);
      batch.push(line);
      chars += line.length;
      if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) await flush();
    }
    await flush();
    fromFile.push(hasher.digest(t.name));
  }
  const footer = await readFooter(reader);
  const problems = diffChecksums(footer, fromFile);
  if (problems.length) throw new BackupFileError(`${reader.file} is corrupt: ${problems.join("; ")}`);
  return footer;
}

/** Checks a backup file on its own: format, header, every row against the footer's counts and checksums. */
export async function verifyBackupFile(
  file: string,
  options: ProgressOptions = {},
): Promise<{ header: BackupHeader; tables: TableChecksum[] }> {
  const reader = new LineReader(file);
  try {
    const header = await readHeader(reader);
    const tables = await readSections(reader, header, "check-file", options, async () => {});
    return { header, tables };
  } finally {
    reader.close();
  }
}

export function checkCompatible(header: BackupHeader, file: string): void {
  const unknown = header.migrations.filter((m) => !migrationNames.includes(m));
  if (unknown.length) {
    throw new BackupFileError(
      `${file} was made by a newer version of Filiera (unknown migrations: ${unknown.join(", ")}); upgrade Filiera before restoring it`,
    );
  }
  if (header.migrations.join("\n") !== migrationNames.join("\n")) {
    throw new BackupFileError(
      `${file} was made at migration ${header.migrations.at(-1) ?? "(none)"} but this Filiera is at ${migrationNames.at(-1)}: ` +
        "restore it with the Filiera version that made it, then upgrade",
    );
  }
}
