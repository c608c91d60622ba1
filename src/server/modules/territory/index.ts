/** Territory: Regione → ATS → ASST → Ambito (tenant) → Comune → Municipio/NIL. */
export { ENTI } from "./enti.ts";
export { territoryRoutes } from "./territory.routes.ts";
export { seedEnti } from "./territory.seed.ts";
export { getAmbitoDetail, isComuneOfAmbito, searchComuni } from "./territory.service.ts";
