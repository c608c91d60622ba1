import { Outlet } from "react-router";
import { Shell } from "./Shell.tsx";

/** Pages outside any Ambito (login, profile): the frame without the module navigation. */
export function PlainLayout() {
  return (
    <Shell>
      <Outlet />
    </Shell>
  );
}
