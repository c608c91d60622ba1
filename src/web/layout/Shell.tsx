import { type ReactNode, useContext } from "react";
import { MeContext } from "../auth/useMe.ts";
import { CenterHeader } from "../components/CenterHeader.tsx";
import { Footer } from "../components/Footer.tsx";
import { MainNav } from "../components/MainNav.tsx";
import { PasswordBanner } from "../components/PasswordBanner.tsx";
import { SkipLinks } from "../components/SkipLinks.tsx";
import { SlimHeader } from "../components/SlimHeader.tsx";

/** The page frame (Designers Italia): skip links, header, main landmark, footer. */
export function Shell({ withNav = false, children }: { withNav?: boolean; children: ReactNode }) {
  const me = useContext(MeContext);
  return (
    <div className="app-shell">
      <SkipLinks withNav={withNav} />
      <header className="it-header-wrapper">
        <SlimHeader />
        <div className="it-nav-wrapper">
          <CenterHeader />
          {withNav ? <MainNav /> : null}
        </div>
      </header>
      <main id="main-content" tabIndex={-1} className="app-main">
        <div className="container py-4 py-lg-5">
          {me?.user.mustChangePassword ? <PasswordBanner /> : null}
          {children}
        </div>
      </main>
      <Footer />
    </div>
  );
}
