// Draws a provider's logo as its declaration gives it (lib/providers/<id>.ts): a simple-icons brand mark, or a
// mark of our own on a coloured tile. Always decorative: the provider's name is next to it. Takes data only, so
// client components may render it too; it never imports the providers themselves (they are server-only).
import { genericLogo, type ProviderLogoMark } from "@/lib/providers/logo";

interface Props {
  id: string;
  /** Absent: a connection whose provider is no longer configured gets the generic mark. */
  logo?: ProviderLogoMark;
  className?: string;
}

export function ProviderLogo({ id, logo = genericLogo, className = "size-5" }: Props) {
  return (
    <svg aria-hidden focusable="false" viewBox="0 0 24 24" className={`shrink-0 ${className}`} data-provider-logo={id}>
      {logo.tile ? <rect width="24" height="24" rx="6" fill={logo.tile} /> : null}
      {logo.shapes.map((shape, index) => (
        <path
          key={index}
          d={shape.d}
          fill={shape.fill === null ? "currentColor" : shape.fill}
          stroke={shape.stroke}
          strokeWidth={shape.strokeWidth}
          strokeLinecap={shape.strokeLinecap}
        />
      ))}
    </svg>
  );
}
