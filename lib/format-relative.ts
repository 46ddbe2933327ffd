// "in 4 minutes", "2 hours ago", "yesterday" in the reader's language, picking the largest unit that fits.
const units: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number, number]> = [
  // unit, its length in seconds, use it while |diff| is below this many seconds
  ["second", 1, 45],
  ["minute", 60, 45 * 60],
  ["hour", 3600, 22 * 3600],
  ["day", 86400, 26 * 86400],
  ["month", 30 * 86400, 320 * 86400],
  ["year", 365 * 86400, Infinity],
];

// Building an Intl formatter costs far more than using one (locale resolution, data loading): one per locale
// and time zone, reused by every row of every render (it showed in the settings page's server profile).
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
const exactFormats = new Map<string, Intl.DateTimeFormat>();

function cached<T>(formats: Map<string, T>, key: string, create: () => T): T {
  let format = formats.get(key);
  if (!format) formats.set(key, (format = create()));
  return format;
}

export function formatRelative(date: Date, now: number, locale: string): string {
  const seconds = (date.getTime() - now) / 1000;
  const [unit, size] = units.find(([, , below]) => Math.abs(seconds) < below) ?? units[units.length - 1];
  const format = cached(relativeFormats, locale, () => new Intl.RelativeTimeFormat(locale, { numeric: "auto" }));
  return format.format(Math.round(seconds / size), unit);
}

/** The exact moment in the reader's own time zone (the browser's, when run there). */
export function formatExact(date: Date, locale: string, timeZone?: string): string {
  const format = cached(exactFormats, `${locale} ${timeZone ?? ""}`, () =>
    new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "long", timeZone }));
  return format.format(date);
}
