import { type ReactNode, useId } from "react";
import { useDisclosure } from "../hooks/useDisclosure.ts";
import { Icon } from "./Icon.tsx";

interface DropdownProps {
  /** Content of the toggle button. */
  label: ReactNode;
  /** Extra accessible text for the toggle (e.g. "Lingua: "), read before the label. */
  srPrefix?: string;
  toggleClassName?: string;
  wrapperClassName?: string;
  /** The menu entries (<li>), given a function to close the menu after a choice. */
  children: (close: () => void) => ReactNode;
}

/** A Bootstrap Italia dropdown as a disclosure: a button and a list of links or buttons. */
export function Dropdown({ label, srPrefix, toggleClassName, wrapperClassName, children }: DropdownProps) {
  const { open, setOpen, toggle, containerRef, toggleRef } = useDisclosure<HTMLDivElement, HTMLButtonElement>({
    closeOnFocusOut: true,
  });
  const menuId = useId();
  return (
    <div className={`nav-item dropdown ${wrapperClassName ?? ""}`} ref={containerRef}>
      <button
        type="button"
        ref={toggleRef}
        className={toggleClassName ?? "nav-link dropdown-toggle"}
        aria-expanded={open}
        aria-controls={menuId}
        onClick={toggle}
      >
        {srPrefix ? <span className="visually-hidden">{srPrefix}</span> : null}
        {label}
        <Icon name="expand" className="icon-sm ms-1 d-none d-lg-inline" />
      </button>
      <div id={menuId} className={`dropdown-menu dropdown-menu-end ${open ? "show" : ""}`} data-bs-popper="static">
        <div className="link-list-wrapper">
          <ul className="link-list">{children(() => setOpen(false))}</ul>
        </div>
      </div>
    </div>
  );
}
