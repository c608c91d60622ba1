import { Navigate, Outlet, useLocation } from "react-router";
import { ApiError } from "../api.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Loading } from "../components/Loading.tsx";
import { Shell } from "../layout/Shell.tsx";
import { MeContext, useMeQuery } from "./useMe.ts";

/** Loads the session's user for every authenticated route; without a session, to the login page. */
export function AuthGate() {
  const me = useMeQuery();
  const { pathname } = useLocation();
  if (me.isPending) {
    return (
      <Shell>
        <Loading />
      </Shell>
    );
  }
  if (me.isError) {
    if (me.error instanceof ApiError && me.error.status === 401) return <Navigate to="/login" replace />;
    return (
      <Shell>
        <ErrorAlert error={me.error} />
      </Shell>
    );
  }
  // The server refuses every module until an initial password is changed: go where it can be.
  if (me.data.user.mustChangePassword && me.data.user.authMethod === "password" && pathname !== "/profilo") {
    return <Navigate to="/profilo#password" replace />;
  }
  return (
    <MeContext.Provider value={me.data}>
      <Outlet />
    </MeContext.Provider>
  );
}
