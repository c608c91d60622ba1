import { useQuery } from "@tanstack/react-query";
import type { ImportReportDto } from "../../../server/modules/budget/imports.contracts.ts";
import { ApiError, api } from "../../api.ts";
import { budgetBase } from "./data.ts";

export type { ImportReportDto };

export interface SavedMapping {
  id: number;
  name: string;
  mapping: Record<string, unknown>;
  updatedAt: string;
}

/** The fields a column mapping may name (server: table-mapping.ts), required ones first. */
export const MAPPED_FIELDS = [
  "capitolo",
  "articolo",
  "description",
  "titolo",
  "forecast",
  "sub",
  "settore",
  "settoreName",
  "tipologia",
  "macroaggregato",
  "missione",
  "programma",
  "pdc",
  "vincolo",
  "priorForecast",
  "priorActual",
] as const;
export type MappedField = (typeof MAPPED_FIELDS)[number];
export const REQUIRED_FIELDS: readonly MappedField[] = ["capitolo", "articolo", "description", "titolo", "forecast"];

export function useMappings(slug: string) {
  return useQuery({
    queryKey: ["budget", slug, "mappings"],
    queryFn: () => api.get<SavedMapping[]>(`${budgetBase(slug)}/mappings`),
  });
}

/**
 * Sends a file with form fields. A refused file (422) is an answer, not an error: its body is the
 * same summary with the problems, which the page shows.
 */
export async function postFile<T>(url: string, csrf: string, file: File, fields: Record<string, string>): Promise<T> {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v !== "") body.append(k, v);
  body.append("file", file, file.name);
  const res = await fetch(url, {
    method: "POST",
    body,
    credentials: "same-origin",
    headers: { "X-CSRF-Token": csrf, Accept: "application/json" },
  });
  const data = await res.json().catch(() => null);
  if (res.ok || (res.status === 422 && data && "status" in data)) return data as T;
  throw new ApiError(res.status, data, res.headers.get("Retry-After"));
}

const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9{}-]+/g, " ")
    .trim();

/** Header names commonly used by BDAP-like tables, to pre-fill the mapping form ({Y} = the year). */
const GUESSES: Record<MappedField, string[]> = {
  capitolo: ["capitolo"],
  articolo: ["articolo"],
  sub: ["sub"],
  description: ["descrizione capitolo", "descrizione"],
  titolo: ["titolo"],
  tipologia: ["tipologia"],
  macroaggregato: ["macroaggregato"],
  settore: ["centro di responsabilita", "settore"],
  settoreName: ["descrizione centro di responsabilita", "descrizione settore"],
  missione: ["missione"],
  programma: ["programma"],
  pdc: ["piano dei conti finanziario", "piano dei conti"],
  vincolo: ["vincolato", "vincolo"],
  forecast: ["stanziamento competenza {Y}", "previsione {Y}"],
  priorForecast: ["stanziamento competenza {Y-1}", "previsione {Y-1}"],
  priorActual: ["impegnato {Y-1}", "rendiconto {Y-1}"],
};

/** The year most column names mention (e.g. "Stanziamento competenza 2022"), or null. */
export function yearInHeader(columns: string[]): number | null {
  const years = columns.flatMap((c) => [...c.matchAll(/\b(19|20)\d{2}\b/g)].map((m) => Number(m[0])));
  return years.length ? Math.max(...years) : null;
}

export function guessColumns(columns: string[], year: number | null): Partial<Record<MappedField, string>> {
  const out: Partial<Record<MappedField, string>> = {};
  for (const field of MAPPED_FIELDS) {
    for (const g of GUESSES[field]) {
      const want = fold(g.replace("{Y-1}", String((year ?? 0) - 1)).replace("{Y}", String(year ?? "")));
      const hit = columns.find((c) => fold(c) === want);
      if (hit) {
        out[field] = hit;
        break;
      }
    }
  }
  return out;
}

/** "Stanziamento competenza 2022" -> "Stanziamento competenza {year}", so one mapping serves every year. */
export function withYearPlaceholders(column: string, year: number | null): string {
  if (!year) return column;
  return column.replaceAll(String(year), "{year}").replaceAll(String(year - 1), "{year-1}");
}
