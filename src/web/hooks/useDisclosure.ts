import { type RefObject, useCallback, useEffect, useRef, useState } from "react";

/**
 * Open/closed state for a disclosure (dropdown, mobile menu): closes on Escape (returning focus to
 * the toggle), on a click outside the container and, if asked, when focus moves outside it.
 */
export function useDisclosure<C extends HTMLElement, T extends HTMLElement>({
  closeOnFocusOut = false,
} = {}): {
  open: boolean;
  setOpen: (open: boolean) => void;
  toggle: () => void;
  containerRef: RefObject<C | null>;
  toggleRef: RefObject<T | null>;
} {
  const [open, setOpen] = useState(false);
  const containerRef = useRef<C | null>(null);
  const toggleRef = useRef<T | null>(null);
  const toggle = useCallback(() => setOpen((o) => !o), []);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setOpen(false);
        toggleRef.current?.focus();
      }
    };
    const onPointer = (event: MouseEvent) => {
      if (containerRef.current && !containerRef.current.contains(event.target as Node)) setOpen(false);
    };
    const onFocus = (event: FocusEvent) => {
      if (closeOnFocusOut && containerRef.current && !containerRef.current.contains(event.target as Node)) {
        setOpen(false);
      }
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("mousedown", onPointer);
    document.addEventListener("focusin", onFocus);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("mousedown", onPointer);
      document.removeEventListener("focusin", onFocus);
    };
  }, [open, closeOnFocusOut]);

  return { open, setOpen, toggle, containerRef, toggleRef };
}
