import type { ReactNode } from "react";
import type { RouteObject } from "react-router";
import { RequirePermission } from "../../auth/RequirePermission.tsx";
import { ActionEditPage } from "./ActionEditPage.tsx";
import { AsstPage } from "./AsstPage.tsx";
import { DownloadsPage } from "./DownloadsPage.tsx";
import { EvaluationPage } from "./EvaluationPage.tsx";
import { GovernancePage } from "./GovernancePage.tsx";
import { IndicatorEditPage } from "./IndicatorEditPage.tsx";
import { LepsPage } from "./LepsPage.tsx";
import { MonitoringPage } from "./MonitoringPage.tsx";
import { ObjectiveEditPage } from "./ObjectiveEditPage.tsx";
import { ObjectivePage } from "./ObjectivePage.tsx";
import { PlanPage } from "./PlanPage.tsx";
import { PlansPage } from "./PlansPage.tsx";

const read = (page: ReactNode) => <RequirePermission any={["plan:read"]}>{page}</RequirePermission>;
const write = (page: ReactNode) => <RequirePermission any={["plan:write"]}>{page}</RequirePermission>;
const objective = "piani/:id/obiettivi/:code";

/** Pages of Programmazione, below /a/:ambito/programmazione. */
export const planningRoutes: RouteObject[] = [
  { index: true, element: read(<PlansPage />) },
  { path: "governance", element: read(<GovernancePage />) },
  { path: "piani/:id", element: read(<PlanPage />) },
  { path: "piani/:id/obiettivi/:code", element: read(<ObjectivePage />) },
  { path: "piani/:id/nuovo-obiettivo", element: write(<ObjectiveEditPage />) },
  { path: `${objective}/modifica`, element: write(<ObjectiveEditPage />) },
  { path: `${objective}/indicatori/nuovo`, element: write(<IndicatorEditPage />) },
  { path: `${objective}/indicatori/:indicator/modifica`, element: write(<IndicatorEditPage />) },
  { path: `${objective}/azioni/nuova`, element: write(<ActionEditPage />) },
  { path: `${objective}/azioni/:action/modifica`, element: write(<ActionEditPage />) },
  { path: "piani/:id/monitoraggio", element: read(<MonitoringPage />) },
  { path: "piani/:id/valutazione", element: read(<EvaluationPage />) },
  { path: "piani/:id/asst", element: read(<AsstPage />) },
  { path: "piani/:id/leps", element: read(<LepsPage />) },
  { path: "piani/:id/download", element: read(<DownloadsPage />) },
];
