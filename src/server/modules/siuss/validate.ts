import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { validateXML } from "xmllint-wasm";
import type { FlowKind } from "./records.ts";
import type { FlowBuilder } from "./xml.ts";

/** The INPS schemas, copied unchanged from INPS-it/WaaS.Comuni (MIT, see xsd/LICENSE). */
const XSD_FILES: Record<FlowKind, string> = { PS_PSA_SINA: "PS_PSA_SINA201812.xsd", SINBA: "SINBA.xsd" };
const xsdCache = new Map<FlowKind, string>();
export function xsdText(kind: FlowKind): string {
  let text = xsdCache.get(kind);
  if (!text) {
    text = readFileSync(fileURLToPath(new URL(`./xsd/${XSD_FILES[kind]}`, import.meta.url)), "utf8");
    xsdCache.set(kind, text);
  }
  return text;
}

export interface FlowProblem {
  /** Our record reference ("person-id" or "person-id/intervention-id"), or null for the header. */
  record: string | null;
  /** The XML element and attribute at fault, e.g. "PrestazioniSociali@DataInizioPrestazione". */
  field: string | null;
  line: number | null;
  /** The validator's message with the offending value removed (it may be a name or codice fiscale). */
  message: string;
}

/**
 * The validator echoes the rejected value; values can be personal data, so they are cut out
 * before the message goes anywhere (a log, a CLI report, an HTTP answer).
 */
export function redact(message: string): string {
  return message
    .replace(/The value '[^']*'/g, "The value")
    .replace(/'[^']*' is not a valid value/g, "The value is not a valid value")
    .replace(/^Element '\{[^}]*\}([^']*)'(, attribute '([^']*)')?:\s*/, "")
    .trim();
}

function fieldOf(message: string): string | null {
  const m = /Element '(?:\{[^}]*\})?([^']*)'(?:, attribute '([^']*)')?/.exec(message);
  if (!m) return null;
  return m[2] ? `${m[1]}@${m[2]}` : (m[1] ?? null);
}

/** Validates a flow with libxml2 (xmllint compiled to WebAssembly) against its INPS schema. */
export async function validateFlow(
  kind: FlowKind,
  xml: string,
  builder?: Pick<FlowBuilder, "refAt">,
): Promise<{ valid: boolean; problems: FlowProblem[] }> {
  const bytes = Buffer.byteLength(xml);
  const pages = Math.min(65536, Math.max(256, Math.ceil((bytes * 12) / 65536) + 256));
  const result = await validateXML({
    xml: { fileName: "flusso.xml", contents: xml },
    schema: { fileName: XSD_FILES[kind], contents: xsdText(kind) },
    maxMemoryPages: pages,
  });
  const problems = result.errors.map((e) => {
    const line = e.loc?.lineNumber ?? null;
    return {
      record: line !== null && builder ? builder.refAt(line) : null,
      field: fieldOf(e.message),
      line,
      message: redact(e.message),
    };
  });
  return { valid: result.valid, problems };
}

export function formatProblems(problems: FlowProblem[], max = 20): string {
  const lines = problems
    .slice(0, max)
    .map(
      (p) => `record ${p.record ?? "(header)"}, ${p.field ?? "?"}${p.line ? ` (line ${p.line})` : ""}: ${p.message}`,
    );
  if (problems.length > max) lines.push(`… and ${problems.length - max} more`);
  return lines.join("\n");
}

/**
 * Validates many small documents of one kind in one libxml2 run (a run costs ~0.25 s to start;
 * a hundred one-record flows cost about the same as one). Returns the names of the invalid ones.
 */
export async function invalidDocuments(kind: FlowKind, docs: { name: string; xml: string }[]): Promise<Set<string>> {
  if (docs.length === 0) return new Set();
  const result = await validateXML({
    xml: docs.map((d) => ({ fileName: d.name, contents: d.xml })),
    schema: { fileName: XSD_FILES[kind], contents: xsdText(kind) },
  });
  const bad = new Set<string>();
  for (const e of result.errors) bad.add(e.loc?.fileName ?? "?");
  // An error without a file name cannot be attributed: treat every document as suspect.
  if (bad.has("?")) return new Set(docs.map((d) => d.name));
  return bad;
}
