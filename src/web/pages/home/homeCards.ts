import type { Permission, Role } from "../../../shared/contracts/rbac.ts";
import type { SectionId } from "../../sections.ts";

/** A home card: a section seen from a role ("services" is the catalogue as citizens see it). */
export type CardId = SectionId | "services" | "dashboards";

export interface CardDef {
  id: CardId;
  section: SectionId;
  /** Shown as "read only" when the user holds none of these. */
  write: readonly Permission[];
}

export const CARDS: Record<CardId, CardDef> = {
  planning: { id: "planning", section: "planning", write: ["plan:write"] },
  observatory: { id: "observatory", section: "observatory", write: [] },
  budget: { id: "budget", section: "budget", write: ["budget:write"] },
  catalogue: { id: "catalogue", section: "catalogue", write: ["catalogue:write"] },
  casework: { id: "casework", section: "casework", write: ["people:write", "cases:write"] },
  territory: { id: "territory", section: "territory", write: ["territory:write"] },
  admin: { id: "admin", section: "admin", write: ["users:write"] },
  services: { id: "services", section: "catalogue", write: [] },
  dashboards: { id: "dashboards", section: "observatory", write: [] },
};

/** What each role finds first on its home page, in order. */
export const ROLE_CARDS: Record<Role, readonly CardId[]> = {
  system_admin: ["admin", "territory"],
  udp_manager: ["planning", "observatory", "catalogue", "budget", "admin"],
  udp_officer: ["planning", "observatory", "catalogue", "budget"],
  social_worker: ["casework", "catalogue", "observatory"],
  accounting_officer: ["budget", "planning"],
  mayor: ["dashboards", "planning", "budget"],
  ets_operator: ["catalogue"],
  citizen: ["services"],
};
