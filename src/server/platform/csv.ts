/** Minimal RFC 4180 line splitter for the small reference CSVs we ship (quoted fields allowed). */
export function parseCsvLine(line: string, separator = ","): string[] {
  const out: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === separator) {
      out.push(field);
      field = "";
    } else field += ch;
  }
  out.push(field);
  return out;
}

export function parseCsv(text: string, separator = ","): Record<string, string>[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  const header = parseCsvLine(lines[0] ?? "", separator);
  return lines.slice(1).map((line) => {
    const cells = parseCsvLine(line, separator);
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ""]));
  });
}
