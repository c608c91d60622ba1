import type { ReactNode } from "react";
import type { RouteObject } from "react-router";
import { RequirePermission } from "../../auth/RequirePermission.tsx";
import { ChecksPage } from "./ChecksPage.tsx";
import { ComparePage } from "./ComparePage.tsx";
import { CostsPage } from "./CostsPage.tsx";
import { CoveragePage } from "./CoveragePage.tsx";
import { DocumentsPage } from "./DocumentsPage.tsx";
import { FundDetailPage } from "./FundDetailPage.tsx";
import { FundsPage } from "./FundsPage.tsx";
import { ImportPage } from "./ImportPage.tsx";
import { LineLinksPage } from "./LineLinksPage.tsx";
import { PivotPage } from "./PivotPage.tsx";

const read = (page: ReactNode) => <RequirePermission any={["budget:read"]}>{page}</RequirePermission>;
const write = (page: ReactNode) => <RequirePermission any={["budget:write"]}>{page}</RequirePermission>;

/** Pages of Bilancio, below /a/:ambito/bilancio. */
export const budgetRoutes: RouteObject[] = [
  { index: true, element: read(<DocumentsPage />) },
  { path: "documenti/:id", element: read(<PivotPage />) },
  { path: "documenti/:id/confronto", element: read(<ComparePage />) },
  { path: "documenti/:id/copertura", element: read(<CoveragePage />) },
  { path: "documenti/:id/controlli", element: read(<ChecksPage />) },
  { path: "documenti/:id/righe/:peg", element: read(<LineLinksPage />) },
  { path: "importa", element: write(<ImportPage />) },
  { path: "costi", element: read(<CostsPage />) },
  { path: "fondi", element: read(<FundsPage />) },
  { path: "fondi/:id", element: read(<FundDetailPage />) },
];
