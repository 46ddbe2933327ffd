// A provider's logo as plain data, so a declaration (server-only) can hand it to any component, client ones
// included, as props. components/provider-logo.tsx draws it; nothing here reads secrets.

/** One shape on a 24×24 grid. `fill`/`stroke` null: drawn in the text colour (reads on light and dark). */
export interface LogoShape {
  d: string;
  fill?: string | null;
  stroke?: string;
  strokeWidth?: number;
  strokeLinecap?: "round";
}

export interface ProviderLogoMark {
  /** A rounded tile behind the shapes (our own marks), or none (brand marks from simple-icons). */
  tile?: string;
  shapes: LogoShape[];
}

/**
 * A brand mark from simple-icons. Monochrome marks (GitHub, X) use the text colour, so they stay visible in
 * dark mode; coloured ones keep the brand's colour.
 */
export function brandLogo(icon: { path: string; hex: string }, options: { monochrome?: boolean } = {}): ProviderLogoMark {
  return { shapes: [{ d: icon.path, fill: options.monochrome ? null : `#${icon.hex}` }] };
}

/** Any OpenID Connect issuer without a mark of its own: a key on slate. */
export const genericLogo: ProviderLogoMark = {
  tile: "#475569",
  shapes: [
    { d: "M5.8 12a3.2 3.2 0 1 0 6.4 0a3.2 3.2 0 1 0 -6.4 0", fill: "none", stroke: "#fff", strokeWidth: 1.8 },
    { d: "M12.2 12H19m-2.2 0v2.6M19 12v2", fill: "none", stroke: "#fff", strokeWidth: 1.8, strokeLinecap: "round" },
  ],
};
