// The page reads its translator once and hands it to its rows: the rows are then plain (not async) server
// components, rendered in the page's own pass instead of one more pass and stream flush each
// (docs/performance.md, step 16).
import type { getTranslations } from "next-intl/server";

export type AccountsTranslator = Awaited<ReturnType<typeof getTranslations<"accounts">>>;
