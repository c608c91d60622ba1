import { useTranslation } from "react-i18next";
import { placeTiles } from "../../../shared/tile-grid.ts";
import { DataDetails } from "./charts.tsx";
import { formatIndicator, type ProfileIndex } from "./data.ts";

/** Sequential blues (ColorBrewer "Blues", 5 classes): ordered light to dark, colour-blind safe. */
export const PALETTE = ["#eff3ff", "#bdd7e7", "#6baed6", "#2171b5", "#08306b"] as const;
const NO_DATA = "#f2f2f2";
const TILE = 112;
const GAP = 6;

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

/** Black or white, whichever contrasts more with the tile (always ≥ 4.5:1 on this palette). */
export const textOn = (fill: string) => (luminance(fill) > 0.179 ? "#1a1a1a" : "#ffffff");

/** Up to five equal-width classes between the smallest and the largest value. */
export function classBreaks(values: number[]): { from: number; to: number }[] {
  if (values.length === 0) return [];
  const min = Math.min(...values);
  const max = Math.max(...values);
  if (min === max) return [{ from: min, to: max }];
  const n = Math.min(PALETTE.length, values.length);
  const step = (max - min) / n;
  return Array.from({ length: n }, (_, i) => ({ from: min + i * step, to: i === n - 1 ? max : min + (i + 1) * step }));
}

const classOf = (breaks: { from: number; to: number }[], v: number) =>
  Math.max(
    0,
    breaks.findIndex((b, i) => v <= b.to || i === breaks.length - 1),
  );

/** Splits a Comune's name over at most two lines. */
function nameLines(name: string): string[] {
  if (name.length <= 13) return [name];
  const words = name.split(" ");
  let best = [name];
  let bestWidth = Number.POSITIVE_INFINITY;
  for (let i = 1; i < words.length; i++) {
    const lines = [words.slice(0, i).join(" "), words.slice(i).join(" ")];
    const width = Math.max(...lines.map((l) => l.length));
    if (width < bestWidth) [best, bestWidth] = [lines, width];
  }
  return best;
}

interface TileMapProps {
  index: ProfileIndex;
  indicator: string;
  year: number;
  label: string;
}

/** A schematic map: each Comune a square at an approximate position, coloured by the indicator. */
export function TileMap({ index, indicator, year, label }: TileMapProps) {
  const { t, i18n } = useTranslation();
  const info = index.info(indicator);
  const fmt = (v: number) => formatIndicator(i18n.language, info, v);
  const comuni = index.comuni();
  const { tiles, cols, rows } = placeTiles(comuni.map((c) => c.istatCode));
  const values = new Map(comuni.map((c) => [c.istatCode, index.get(c.istatCode, indicator, year)?.value]));
  const breaks = classBreaks([...values.values()].filter((v): v is number => v !== undefined));
  const width = cols * (TILE + GAP) - GAP;
  const height = rows * (TILE + GAP) - GAP;
  const aria = t("observatory.map.aria", { indicator: label, year, count: comuni.length });

  return (
    <div className="tile-map">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={aria}
        data-testid="tile-map"
        style={{ maxWidth: width * 1.15 }}
      >
        {tiles.map((tile) => {
          const v = values.get(tile.istatCode);
          const fill = v === undefined ? NO_DATA : (PALETTE[classOf(breaks, v)] ?? NO_DATA);
          const color = textOn(fill);
          const lines = nameLines(index.name(tile.istatCode));
          const x = tile.col * (TILE + GAP);
          const y = tile.row * (TILE + GAP);
          return (
            <g key={tile.istatCode} className="tile" data-istat={tile.istatCode} transform={`translate(${x},${y})`}>
              <rect width={TILE} height={TILE} rx={4} fill={fill} stroke="#5c6f82" strokeWidth={1} />
              {lines.map((line, i) => (
                <text key={line} x={TILE / 2} y={28 + i * 16} textAnchor="middle" fontSize={13} fill={color}>
                  {line}
                </text>
              ))}
              <text x={TILE / 2} y={TILE - 18} textAnchor="middle" fontSize={17} fontWeight={700} fill={color}>
                {v === undefined ? t("observatory.notAvailable") : fmt(v)}
              </text>
            </g>
          );
        })}
      </svg>
      <ul
        className="tile-legend list-unstyled d-flex flex-wrap gap-3 mt-2 mb-1"
        aria-label={t("observatory.map.legend")}
      >
        {breaks.map((b, i) => (
          <li key={b.from} className="d-flex align-items-center gap-1">
            <span className="tile-swatch" style={{ background: PALETTE[i] }} aria-hidden="true" />
            {b.from === b.to ? fmt(b.from) : t("observatory.map.range", { from: fmt(b.from), to: fmt(b.to) })}
          </li>
        ))}
        {[...values.values()].some((v) => v === undefined) ? (
          <li className="d-flex align-items-center gap-1">
            <span className="tile-swatch" style={{ background: NO_DATA }} aria-hidden="true" />
            {t("observatory.notAvailableLong")}
          </li>
        ) : null}
      </ul>
      <p className="small text-muted-strong">{t("observatory.map.note")}</p>
      <DataDetails>
        <table className="table table-sm">
          <caption>{t("observatory.map.caption", { indicator: label, year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("observatory.comune")}</th>
              <th scope="col" className="text-end">
                {label}
              </th>
            </tr>
          </thead>
          <tbody>
            {comuni.map((c) => {
              const v = values.get(c.istatCode);
              return (
                <tr key={c.istatCode}>
                  <th scope="row">{c.name}</th>
                  <td className="text-end">{v === undefined ? t("observatory.notAvailable") : fmt(v)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </DataDetails>
    </div>
  );
}
