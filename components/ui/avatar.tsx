const sizes = { sm: "size-7 text-xs", md: "size-10 text-sm" } as const;

/** Initials, or the provider's picture when it is an https URL (never a tracking-prone http one). */
export function Avatar({ name, image, size = "md" }: { name: string; image?: string | null; size?: keyof typeof sizes }) {
  const initials = name.replace(/@.*/, "").slice(0, 2).toUpperCase();
  if (image?.startsWith("https://")) {
    // eslint-disable-next-line @next/next/no-img-element -- provider avatars come from many hosts
    return <img src={image} alt="" referrerPolicy="no-referrer" className={`${sizes[size]} shrink-0 rounded-full object-cover`} />;
  }
  return (
    <span aria-hidden className={`${sizes[size]} grid shrink-0 place-items-center rounded-full bg-slate-200 font-semibold text-slate-700 dark:bg-slate-700 dark:text-slate-100`}>
      {initials}
    </span>
  );
}
