// The app's mark: two linked rings, the idea of connected accounts. Decorative wherever it appears.
export function AppMark({ className = "" }: { className?: string }) {
  return (
    <svg aria-hidden viewBox="0 0 32 32" className={`shrink-0 ${className}`}>
      <rect width="32" height="32" rx="8" className="fill-slate-900 dark:fill-white" />
      <circle cx="12.5" cy="16" r="5.5" fill="none" strokeWidth="2.5" className="stroke-white dark:stroke-slate-900" />
      <circle cx="19.5" cy="16" r="5.5" fill="none" strokeWidth="2.5" className="stroke-sky-400 dark:stroke-sky-600" />
    </svg>
  );
}
