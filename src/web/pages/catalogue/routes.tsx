import type { ReactNode } from "react";
import type { RouteObject } from "react-router";
import { RequirePermission } from "../../auth/RequirePermission.tsx";
import { ApplicationReviewPage } from "./ApplicationReviewPage.tsx";
import { CallEditorPage } from "./CallEditorPage.tsx";
import { CallQueuePage } from "./CallQueuePage.tsx";
import { ListingFormPage } from "./ListingFormPage.tsx";
import { OffertaPage } from "./OffertaPage.tsx";
import { RankingAdminPage } from "./RankingAdminPage.tsx";

const review = (page: ReactNode) => <RequirePermission any={["calls:review"]}>{page}</RequirePermission>;
const editor = (page: ReactNode) => <RequirePermission any={["catalogue:approve"]}>{page}</RequirePermission>;

/** Pages of Offerta, below /a/:ambito/offerta. */
export const catalogueRoutes: RouteObject[] = [
  {
    index: true,
    element: (
      <RequirePermission any={["catalogue:read", "catalogue:write", "calls:review", "applications:submit"]}>
        <OffertaPage />
      </RequirePermission>
    ),
  },
  { path: "bandi/nuovo", element: editor(<CallEditorPage />) },
  { path: "bandi/:id/modifica", element: editor(<CallEditorPage />) },
  { path: "bandi/:id", element: review(<CallQueuePage />) },
  { path: "bandi/:id/graduatoria", element: review(<RankingAdminPage />) },
  { path: "domande/:id", element: review(<ApplicationReviewPage />) },
  {
    path: "catalogo/nuovo",
    element: (
      <RequirePermission any={["catalogue:write"]}>
        <ListingFormPage />
      </RequirePermission>
    ),
  },
];
