import sprites from "bootstrap-italia/dist/svg/sprites.svg?url";

interface IconProps {
  /** Sprite name without the "it-" prefix, e.g. "user". */
  name: string;
  className?: string;
  /** Accessible name; decorative (hidden) when absent. */
  title?: string;
}

/** A Bootstrap Italia sprite icon. */
export function Icon({ name, className, title }: IconProps) {
  return (
    <svg
      className={className ? `icon ${className}` : "icon"}
      aria-hidden={title ? undefined : true}
      role={title ? "img" : undefined}
      aria-label={title}
      focusable="false"
    >
      <use href={`${sprites}#it-${name}`} />
    </svg>
  );
}
