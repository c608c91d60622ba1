import type { ReactNode } from "react";
import type { RouteObject } from "react-router";
import { RequirePermission } from "../../auth/RequirePermission.tsx";
import { AsstPage } from "./AsstPage.tsx";
import { DownloadsPage } from "./DownloadsPage.tsx";
import { EvaluationPage } from "./EvaluationPage.tsx";
import { MonitoringPage } from "./MonitoringPage.tsx";
import { ObjectivePage } from "./ObjectivePage.tsx";
import { PlanPage } from "./PlanPage.tsx";
import { PlansPage } from "./PlansPage.tsx";

const read = (page: ReactNode) => <RequirePermission any={["plan:read"]}>{page}</RequirePermission>;

/** Pages of Programmazione, below /a/:ambito/programmazione. */
export const planningRoutes: RouteObject[] = [
  { index: true, element: read(<PlansPage />) },
  { path: "piani/:id", element: read(<PlanPage />) },
  { path: "piani/:id/obiettivi/:code", element: read(<ObjectivePage />) },
  { path: "piani/:id/monitoraggio", element: read(<MonitoringPage />) },
  { path: "piani/:id/valutazione", element: read(<EvaluationPage />) },
  { path: "piani/:id/asst", element: read(<AsstPage />) },
  { path: "piani/:id/download", element: read(<DownloadsPage />) },
];
