// Typed messages: a t("key") that is not in messages/en.json fails `tsc`.
import type en from "../messages/en.json";
import type { Locale } from "./locales";

declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof en;
  }
}
