import { useQuery } from "@tanstack/react-query";
import type { DiscrepancyDto, ProfileDto } from "../../../shared/contracts/observatory.ts";
import { api } from "../../api.ts";

/** The Ambito as a whole, in the API's `territory` fields. */
export const AMBITO = "AMBITO";

export type IndicatorValue = ProfileDto["values"][number];
export type IndicatorInfo = ProfileDto["indicators"][number];

export interface PublishedTableDto {
  id: number;
  document: string;
  code: string;
  title: string;
  source: string | null;
  lines: [number, number] | null;
  columns: {
    key: string;
    year: number | null;
    printedYear?: number | null;
    measure: { kind: string; code?: string };
  }[];
  rows: {
    label: string;
    kind: string;
    comuneIstat: string | null;
    line: number | null;
    year: number | null;
    values: Record<string, number>;
  }[];
}

export interface AgeClassDto {
  ageFrom: number;
  ageTo: number | null;
  total: number;
  males: number | null;
  females: number | null;
}

export interface AgeStructureDto {
  territory: string;
  year: number;
  classes: AgeClassDto[];
}

const base = (slug: string) => `/api/ambiti/${encodeURIComponent(slug)}/observatory`;

/** Where the downloads are: plain links, the browser saves the file. */
export const downloadUrls = (slug: string) => ({
  csv: `${base(slug)}/profile?format=csv`,
  xlsx: `${base(slug)}/profile?format=xlsx`,
  openData: `${base(slug)}/open-data.csv`,
  checkCsv: `${base(slug)}/check?format=csv`,
});

export function useProfile(slug: string) {
  return useQuery({
    queryKey: ["observatory", slug, "profile"],
    queryFn: () => api.get<ProfileDto>(`${base(slug)}/profile`),
    staleTime: 5 * 60_000,
  });
}

export function useCheck(slug: string) {
  return useQuery({
    queryKey: ["observatory", slug, "check"],
    queryFn: () => api.get<{ items: DiscrepancyDto[] }>(`${base(slug)}/check`),
    staleTime: 5 * 60_000,
  });
}

export function usePublishedTables(slug: string) {
  return useQuery({
    queryKey: ["observatory", slug, "tables"],
    queryFn: () => api.get<PublishedTableDto[]>(`${base(slug)}/tables`),
    staleTime: 5 * 60_000,
  });
}

export function useAgeStructure(slug: string, territory: string, year: number | undefined) {
  return useQuery({
    queryKey: ["observatory", slug, "age-structure", territory, year],
    queryFn: () => api.get<AgeStructureDto>(`${base(slug)}/age-structure`, { territory, year }),
    enabled: year !== undefined,
    staleTime: 5 * 60_000,
  });
}

/** The profile's values, indexed for lookups by territory, indicator and year. */
export class ProfileIndex {
  readonly profile: ProfileDto;
  private readonly byKey = new Map<string, IndicatorValue>();
  private readonly names: Map<string, string>;

  constructor(profile: ProfileDto) {
    this.profile = profile;
    for (const v of profile.values) this.byKey.set(`${v.territory}|${v.indicator}|${v.year}`, v);
    this.names = new Map(profile.comuni.map((c) => [c.istatCode, c.name]));
  }

  get(territory: string, indicator: string, year: number): IndicatorValue | undefined {
    return this.byKey.get(`${territory}|${indicator}|${year}`);
  }

  name(territory: string): string {
    return this.names.get(territory) ?? territory;
  }

  /** Comuni sorted by name (the API's order is by ISTAT code). */
  comuni(): ProfileDto["comuni"] {
    return [...this.profile.comuni].sort((a, b) => a.name.localeCompare(b.name, "it"));
  }

  /** Indicators with at least one value, in the API's (ISTAT) order. */
  indicatorsWithData(): IndicatorInfo[] {
    const present = new Set(this.profile.values.map((v) => v.indicator));
    return this.profile.indicators.filter((i) => present.has(i.code));
  }

  /** Years with at least one value of the indicator, ascending. */
  yearsOf(indicator: string): number[] {
    const years = new Set(this.profile.values.filter((v) => v.indicator === indicator).map((v) => v.year));
    return [...years].sort((a, b) => a - b);
  }

  /** Years with a population count (where age classes may exist), newest first; else all years. */
  populationYears(): number[] {
    const years = new Set(this.profile.population.map((p) => p.year));
    return [...(years.size ? years : this.profile.years)].sort((a, b) => b - a);
  }

  info(indicator: string): IndicatorInfo | undefined {
    return this.profile.indicators.find((i) => i.code === indicator);
  }
}

/** it-IT (or en-GB) number formatting with a fixed number of decimals. */
export function numberFormat(language: string, decimals: number): Intl.NumberFormat {
  return new Intl.NumberFormat(language === "en" ? "en-GB" : "it-IT", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
}

/** Axis ticks: as many decimals as the tick needs (0, 2,5, 150). */
export function axisFormat(language: string): (v: number) => string {
  const f = new Intl.NumberFormat(language === "en" ? "en-GB" : "it-IT", { maximumFractionDigits: 2 });
  return (v) => f.format(v);
}

/** Decimals shown for an indicator: two for household size, one for indices, rates and shares. */
export const decimalsOf = (indicator: string) => (indicator === "mean_household_size" ? 2 : 1);

/** Formats an indicator's value (with its unit sign for shares and rates). */
export function formatIndicator(language: string, info: IndicatorInfo | undefined, value: number): string {
  const text = numberFormat(language, decimalsOf(info?.code ?? "")).format(value);
  if (info?.unit === "percent") return `${text}%`;
  if (info?.unit === "per_mille") return `${text}‰`;
  return text;
}

/** An indicator's name in the user's language (the code if unknown). */
export const indicatorLabel = (t: (key: string, options?: Record<string, unknown>) => string, code: string) =>
  t(`observatory.indicators.${code}`, { defaultValue: code });
