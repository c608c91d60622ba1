import type { RouteObject } from "react-router";
import { AuthGate } from "./auth/AuthGate.tsx";
import { RequirePermission } from "./auth/RequirePermission.tsx";
import { AmbitoLayout } from "./layout/AmbitoLayout.tsx";
import { PlainLayout } from "./layout/PlainLayout.tsx";
import { RootLayout } from "./layout/RootLayout.tsx";
import { AdminIndex } from "./pages/admin/AdminIndex.tsx";
import { AuditPage } from "./pages/admin/AuditPage.tsx";
import { UsersPage } from "./pages/admin/UsersPage.tsx";
import { budgetRoutes } from "./pages/budget/routes.tsx";
import { casesRoutes } from "./pages/cases/routes.tsx";
import { catalogueRoutes } from "./pages/catalogue/routes.tsx";
import { HomeRedirect } from "./pages/HomeRedirect.tsx";
import { HomePage } from "./pages/home/HomePage.tsx";
import { LoginPage } from "./pages/login/LoginPage.tsx";
import { NotFoundPage } from "./pages/NotFoundPage.tsx";
import { notificationsRoutes } from "./pages/notifications/routes.tsx";
import { CheckPage } from "./pages/observatory/CheckPage.tsx";
import { PrintPage } from "./pages/observatory/PrintPage.tsx";
import { ProfilePage as ObservatoryProfilePage } from "./pages/observatory/ProfilePage.tsx";
import { planningRoutes } from "./pages/planning/routes.tsx";
import { portalRoutes } from "./pages/portal/routes.tsx";
import { ProfilePage } from "./pages/profile/ProfilePage.tsx";
import { TerritoryPage } from "./pages/territory/TerritoryPage.tsx";
import { sectionById } from "./sections.ts";

/** Every page of the app. Ambito pages live under /a/:ambito; their permission is checked again here. */
export const routes: RouteObject[] = [
  {
    element: <RootLayout />,
    children: [
      { element: <PlainLayout />, children: [{ path: "/login", element: <LoginPage /> }] },
      ...portalRoutes,
      {
        element: <AuthGate />,
        children: [
          { path: "/", element: <HomeRedirect /> },
          {
            element: <PlainLayout />,
            children: [
              { path: "/profilo", element: <ProfilePage /> },
              ...notificationsRoutes,
              { path: "*", element: <NotFoundPage /> },
            ],
          },
          {
            path: "/a/:ambito",
            element: <AmbitoLayout />,
            children: [
              { index: true, element: <HomePage /> },
              {
                path: "territorio",
                element: (
                  <RequirePermission any={["territory:read"]}>
                    <TerritoryPage />
                  </RequirePermission>
                ),
              },
              {
                path: "osservatorio",
                children: [
                  {
                    index: true,
                    element: (
                      <RequirePermission any={sectionById("observatory").permissions}>
                        <ObservatoryProfilePage />
                      </RequirePermission>
                    ),
                  },
                  {
                    path: "verifica",
                    element: (
                      <RequirePermission any={sectionById("observatory").permissions}>
                        <CheckPage />
                      </RequirePermission>
                    ),
                  },
                  {
                    path: "stampa",
                    element: (
                      <RequirePermission any={sectionById("observatory").permissions}>
                        <PrintPage />
                      </RequirePermission>
                    ),
                  },
                ],
              },
              { path: "programmazione", children: planningRoutes },
              { path: "bilancio", children: budgetRoutes },
              { path: "offerta", children: catalogueRoutes },
              { path: "cartella", children: casesRoutes },
              {
                path: "admin",
                children: [
                  {
                    index: true,
                    element: (
                      <RequirePermission any={["users:read", "audit:read"]}>
                        <AdminIndex />
                      </RequirePermission>
                    ),
                  },
                  {
                    path: "utenti",
                    element: (
                      <RequirePermission any={["users:read"]}>
                        <UsersPage />
                      </RequirePermission>
                    ),
                  },
                  {
                    path: "audit",
                    element: (
                      <RequirePermission any={["audit:read"]}>
                        <AuditPage />
                      </RequirePermission>
                    ),
                  },
                ],
              },
              { path: "*", element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
];
