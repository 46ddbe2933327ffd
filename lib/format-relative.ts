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

export function formatRelative(date: Date, now: number, locale: string): string {
  const seconds = (date.getTime() - now) / 1000;
  const [unit, size] = units.find(([, , below]) => Math.abs(seconds) < below) ?? units[units.length - 1];
  return new Intl.RelativeTimeFormat(locale, { numeric: "auto" }).format(Math.round(seconds / size), unit);
}

/** The exact moment in the reader's own time zone (the browser's, when run there). */
export function formatExact(date: Date, locale: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "long", timeZone }).format(date);
}
