import type { RouteObject } from "react-router";
import { AuthGate } from "./auth/AuthGate.tsx";
import { RequirePermission } from "./auth/RequirePermission.tsx";
import { AmbitoLayout } from "./layout/AmbitoLayout.tsx";
import { PlainLayout } from "./layout/PlainLayout.tsx";
import { RootLayout } from "./layout/RootLayout.tsx";
import { AdminIndex } from "./pages/admin/AdminIndex.tsx";
import { AuditPage } from "./pages/admin/AuditPage.tsx";
import { UsersPage } from "./pages/admin/UsersPage.tsx";
import { HomeRedirect } from "./pages/HomeRedirect.tsx";
import { HomePage } from "./pages/home/HomePage.tsx";
import { LoginPage } from "./pages/login/LoginPage.tsx";
import { ModulePage } from "./pages/ModulePage.tsx";
import { NotFoundPage } from "./pages/NotFoundPage.tsx";
import { CheckPage } from "./pages/observatory/CheckPage.tsx";
import { PrintPage } from "./pages/observatory/PrintPage.tsx";
import { ProfilePage as ObservatoryProfilePage } from "./pages/observatory/ProfilePage.tsx";
import { PeoplePage } from "./pages/people/PeoplePage.tsx";
import { ProfilePage } from "./pages/profile/ProfilePage.tsx";
import { TerritoryPage } from "./pages/territory/TerritoryPage.tsx";
import { sectionById } from "./sections.ts";

/** Every page of the app. Ambito pages live under /a/:ambito; their permission is checked again here. */
export const routes: RouteObject[] = [
  {
    element: <RootLayout />,
    children: [
      { element: <PlainLayout />, children: [{ path: "/login", element: <LoginPage /> }] },
      {
        element: <AuthGate />,
        children: [
          { path: "/", element: <HomeRedirect /> },
          {
            element: <PlainLayout />,
            children: [
              { path: "/profilo", element: <ProfilePage /> },
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
              { path: "programmazione", element: <ModulePage section="planning" /> },
              { path: "bilancio", element: <ModulePage section="budget" /> },
              { path: "offerta", element: <ModulePage section="catalogue" /> },
              {
                path: "cartella",
                element: (
                  <RequirePermission any={["people:read", "cases:read"]}>
                    <PeoplePage />
                  </RequirePermission>
                ),
              },
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
