import { type ReactNode, useEffect, useRef, useState } from "react";

/**
 * A table's horizontal scroll box (Bootstrap's .table-responsive). When the table is wider than
 * the screen, the box becomes a named, focusable region so keyboard users can scroll it too.
 */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  const box = useRef<HTMLElement | null>(null);
  const [scrolls, setScrolls] = useState(false);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const check = () => setScrolls(element.scrollWidth > element.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, []);

  // A <section> is a region landmark only when named: named (and focusable) only while it scrolls.
  return (
    <section
      ref={box}
      className="table-responsive"
      tabIndex={scrolls ? 0 : undefined}
      aria-label={scrolls ? label : undefined}
    >
      {children}
    </section>
  );
}
