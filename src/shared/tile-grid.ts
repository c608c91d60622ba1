/**
 * Schematic tile-grid positions of the Comuni, for the Osservatorio's offline map: each Comune is a
 * square at [column, row] (0-based, north at row 0, west at column 0).
 *
 * The positions are APPROXIMATE and SCHEMATIC: they keep the Comuni's rough relative placement
 * (north/south, east/west, neighbours close together) so the map is readable, not their shape,
 * area or exact geography. No tiles, no network: the map is drawn from this table alone.
 */
export type TilePosition = readonly [col: number, row: number];

export const TILE_GRID: Readonly<Record<string, TilePosition>> = {
  // Ambito Visconteo Sud Milano
  "015247": [1, 0], // Zibido San Giacomo
  "015189": [2, 0], // Rozzano
  "015159": [3, 0], // Opera
  "015158": [0, 1], // Noviglio
  "015015": [2, 1], // Basiglio
  "015173": [3, 1], // Pieve Emanuele
  "015236": [0, 2], // Vernate
  "015024": [1, 2], // Binasco
  "015115": [2, 2], // Lacchiarella
  "015125": [3, 2], // Locate di Triulzi
  "015055": [1, 3], // Casarile
  // Ambito Distrettuale di Cernusco sul Naviglio (Distretto 4)
  "015051": [0, 0], // Carugate
  "015040": [1, 0], // Bussero
  "015172": [2, 0], // Pessano con Bornago
  "015044": [4, 0], // Cambiago
  "015070": [0, 1], // Cernusco sul Naviglio
  "015060": [1, 1], // Cassina de' Pecchi
  "015108": [2, 1], // Gorgonzola
  "015016": [3, 1], // Bellinzago Lombardo
  "015106": [4, 1], // Gessate
};

export interface PlacedTile {
  istatCode: string;
  col: number;
  row: number;
  /** True when the Comune has no known position and was put in the extra row. */
  unplaced: boolean;
}

/**
 * Places the given Comuni: known ones at their grid position (shifted so the grid starts at 0,0),
 * the others one after the other in an extra row below.
 */
export function placeTiles(istatCodes: readonly string[]): { tiles: PlacedTile[]; cols: number; rows: number } {
  const known = istatCodes.filter((code) => TILE_GRID[code]);
  const minCol = Math.min(...known.map((code) => TILE_GRID[code]?.[0] ?? 0));
  const minRow = Math.min(...known.map((code) => TILE_GRID[code]?.[1] ?? 0));
  const tiles: PlacedTile[] = [];
  let maxCol = -1;
  let maxRow = -1;
  for (const code of known) {
    const [c, r] = TILE_GRID[code] ?? [0, 0];
    const tile = { istatCode: code, col: c - minCol, row: r - minRow, unplaced: false };
    maxCol = Math.max(maxCol, tile.col);
    maxRow = Math.max(maxRow, tile.row);
    tiles.push(tile);
  }
  const extraRow = maxRow + 1;
  const width = maxCol >= 0 ? maxCol + 1 : Math.max(1, Math.min(4, istatCodes.length));
  istatCodes
    .filter((code) => !TILE_GRID[code])
    .forEach((code, i) => {
      const tile = { istatCode: code, col: i % width, row: extraRow + Math.floor(i / width), unplaced: true };
      maxRow = Math.max(maxRow, tile.row);
      tiles.push(tile);
    });
  return { tiles, cols: width, rows: maxRow + 1 };
}
