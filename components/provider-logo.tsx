// One logo per provider id, for sign-in buttons and connected-account rows. Brand marks come from
// simple-icons; the local providers, Logto (not in simple-icons) and generic OpenID Connect get simple
// marks of our own. Always decorative: the provider's name is next to it.
import { siGithub, siGoogle, siHuggingface, siX } from "simple-icons";

interface Mark {
  path: string;
  /** null: monochrome, drawn in the text colour so it reads on light and dark backgrounds. */
  color: string | null;
}

const brandMarks: Record<string, Mark> = {
  github: { path: siGithub.path, color: null },
  google: { path: siGoogle.path, color: `#${siGoogle.hex}` },
  huggingface: { path: siHuggingface.path, color: `#${siHuggingface.hex}` },
  twitter: { path: siX.path, color: null },
};

/** Our own marks, on a 24×24 grid: a letter-less shape in the provider's colour. */
function OwnMark({ id }: { id: string }) {
  switch (id) {
    case "acme": // indigo, like its login page: a peak
      return (
        <>
          <rect width="24" height="24" rx="6" fill="#4f46e5" />
          <path d="M5 17.5 10.5 7l3.2 6 1.8-3 3.5 7.5Z" fill="#fff" />
        </>
      );
    case "globex": // emerald, like its login page: a globe
      return (
        <>
          <rect width="24" height="24" rx="6" fill="#059669" />
          <circle cx="12" cy="12" r="6.5" fill="none" stroke="#fff" strokeWidth="1.8" />
          <path d="M5.5 12h13M12 5.5c1.8 1.9 2.7 4 2.7 6.5s-.9 4.6-2.7 6.5c-1.8-1.9-2.7-4-2.7-6.5s.9-4.6 2.7-6.5Z" fill="none" stroke="#fff" strokeWidth="1.4" />
        </>
      );
    case "logto": // Logto's violet: a rounded "L" block
      return (
        <>
          <rect width="24" height="24" rx="6" fill="#5d34f2" />
          <path d="M8 6.5h3v8h5v3H8Z" fill="#fff" />
        </>
      );
    default: // any OpenID Connect issuer: a key
      return (
        <>
          <rect width="24" height="24" rx="6" fill="#475569" />
          <circle cx="9" cy="12" r="3.2" fill="none" stroke="#fff" strokeWidth="1.8" />
          <path d="M12.2 12H19m-2.2 0v2.6M19 12v2" fill="none" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />
        </>
      );
  }
}

export function ProviderLogo({ id, className = "size-5" }: { id: string; className?: string }) {
  const brand = brandMarks[id];
  return (
    <svg aria-hidden focusable="false" viewBox="0 0 24 24" className={`shrink-0 ${className}`} data-provider-logo={id}>
      {brand ? <path d={brand.path} fill={brand.color ?? "currentColor"} /> : <OwnMark id={id} />}
    </svg>
  );
}
