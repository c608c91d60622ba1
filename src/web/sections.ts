import type { Permission } from "../shared/contracts/rbac.ts";

export type SectionId = "observatory" | "planning" | "budget" | "catalogue" | "casework" | "territory" | "admin";

export interface Section {
  id: SectionId;
  /** Path below /a/:ambito/. */
  path: string;
  /** Shown when the user holds any of these in the Ambito. */
  permissions: readonly Permission[];
  /** Bootstrap Italia sprite icon, without the "it-" prefix. */
  icon: string;
}

/** The module sections of the main navigation, in order. Texts: i18n keys sections.<id>.*. */
export const SECTIONS: readonly Section[] = [
  { id: "observatory", path: "osservatorio", permissions: ["observatory:read"], icon: "chart-line" },
  { id: "planning", path: "programmazione", permissions: ["plan:read"], icon: "files" },
  { id: "budget", path: "bilancio", permissions: ["budget:read"], icon: "card" },
  { id: "catalogue", path: "offerta", permissions: ["catalogue:read"], icon: "list" },
  { id: "casework", path: "cartella", permissions: ["people:read", "cases:read"], icon: "folder" },
  { id: "territory", path: "territorio", permissions: ["territory:read"], icon: "map-marker" },
  { id: "admin", path: "admin", permissions: ["users:read", "audit:read"], icon: "settings" },
];

export function sectionById(id: SectionId): Section {
  const section = SECTIONS.find((s) => s.id === id);
  if (!section) throw new Error(`Unknown section ${id}`);
  return section;
}
