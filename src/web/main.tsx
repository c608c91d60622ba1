import "bootstrap-italia/dist/css/bootstrap-italia.min.css";
import "./styles/fonts.css";
import "./styles/app.css";
import "./i18n/index.ts";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createBrowserRouter, RouterProvider } from "react-router";
import { ApiError, setUnauthorizedHandler } from "./api.ts";
import { routes } from "./routes.tsx";

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Retry only what may succeed on a second try (network, 5xx), never 4xx.
      retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

const router = createBrowserRouter(routes);

// A 401 from any call means the session is over: forget everything and log in again.
setUnauthorizedHandler(() => {
  queryClient.clear();
  if (router.state.location.pathname !== "/login") void router.navigate("/login", { replace: true });
});

const root = document.getElementById("root");
if (!root) throw new Error("#root missing from index.html");
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
