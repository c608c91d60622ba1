import { useId } from "react";
import { useTranslation } from "react-i18next";

export interface Place {
  id: number;
  name: string;
  comuneName: string | null;
  latitude: number | null;
  longitude: number | null;
}

const W = 640;
const H = 400;
const PAD = 40;

/**
 * An offline schematic map (no tiles, no network): the places projected on a plain rectangle,
 * one label per Comune. It complements the list, which stays the accessible way to the services.
 */
export function PlacesMap({ places }: { places: Place[] }) {
  const { t } = useTranslation();
  const titleId = useId();
  const located = places.filter((p) => p.latitude !== null && p.longitude !== null) as (Place & {
    latitude: number;
    longitude: number;
  })[];
  if (located.length === 0) return null;
  const lats = located.map((p) => p.latitude);
  const lons = located.map((p) => p.longitude);
  const [minLat, maxLat, minLon, maxLon] = [Math.min(...lats), Math.max(...lats), Math.min(...lons), Math.max(...lons)];
  // Equirectangular with the cosine of the mean latitude, so distances look right at this scale.
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxLon - minLon) * k, 0.01);
  const spanY = Math.max(maxLat - minLat, 0.01);
  const scale = Math.min((W - 2 * PAD) / spanX, (H - 2 * PAD) / spanY);
  const x = (lon: number) => PAD + (lon - minLon) * k * scale + (W - 2 * PAD - spanX * scale) / 2;
  const y = (lat: number) => H - PAD - (lat - minLat) * scale - (H - 2 * PAD - spanY * scale) / 2;
  const comuni = new Map<string, { lat: number; lon: number; n: number }>();
  for (const p of located) {
    const key = p.comuneName ?? "";
    const c = comuni.get(key) ?? { lat: 0, lon: 0, n: 0 };
    comuni.set(key, { lat: c.lat + p.latitude, lon: c.lon + p.longitude, n: c.n + 1 });
  }
  return (
    <figure className="mt-4" data-testid="places-map">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={titleId}
        className="w-100 border rounded"
        style={{ maxHeight: 420, background: "#f5f7fa" }}
      >
        <title id={titleId}>{t("portal.map.title", { places: located.length, comuni: comuni.size })}</title>
        {located.map((p) => (
          <circle
            key={p.id}
            cx={x(p.longitude)}
            cy={y(p.latitude)}
            r={5}
            fill="#0066cc"
            fillOpacity={0.75}
            stroke="#fff"
          />
        ))}
        {[...comuni.entries()].map(([name, c]) => (
          <text
            key={name}
            x={x(c.lon / c.n)}
            y={y(c.lat / c.n) - 10}
            textAnchor="middle"
            fontSize={13}
            fill="#1a1a1a"
            stroke="#fff"
            strokeWidth={3}
            paintOrder="stroke"
          >
            {`${name} (${c.n})`}
          </text>
        ))}
      </svg>
      <figcaption className="small mt-1">{t("portal.map.caption")}</figcaption>
    </figure>
  );
}
