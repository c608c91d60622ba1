import type { ReactNode } from "react";

/** One section of the case file with its heading and, for writers, the button that opens its form. */
export function CaseSection(props: {
  id: string;
  title: string;
  action?: string;
  onAction?: () => void;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${props.id}-title`} className="mb-5" id={props.id}>
      <div className="d-flex justify-content-between align-items-center border-bottom mb-3">
        <h2 id={`${props.id}-title`} className="h3">
          {props.title}
        </h2>
        {props.action ? (
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={props.onAction}>
            {props.action}
          </button>
        ) : null}
      </div>
      {props.children}
    </section>
  );
}
