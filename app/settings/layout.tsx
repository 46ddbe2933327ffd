import { FlashNotice } from "@/components/flash-notice";
import { SettingsNav } from "./settings-nav";

export default function SettingsLayout({ children }: { children: React.ReactNode }) {
  return (
    <div>
      <SettingsNav />
      {/* Notices after a redirect back to settings (e.g. a connect cancelled at the provider). */}
      <FlashNotice className="mt-6" />
      <div className="mt-6">{children}</div>
    </div>
  );
}
