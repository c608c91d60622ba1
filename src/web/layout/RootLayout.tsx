import { useEffect, useRef } from "react";
import { Outlet, useLocation } from "react-router";

/**
 * Root of every route. After a client-side navigation, moves focus to the new page's <h1> so that
 * screen reader and keyboard users start from the new content (the title is set by each page).
 */
export function RootLayout() {
  const { pathname } = useLocation();
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each navigation, keyed by the path
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const frame = requestAnimationFrame(() => {
      const heading = document.querySelector<HTMLElement>("main h1");
      if (!heading) return;
      heading.tabIndex = -1;
      heading.focus({ preventScroll: false });
      window.scrollTo(0, 0);
    });
    return () => cancelAnimationFrame(frame);
  }, [pathname]);
  return <Outlet />;
}
