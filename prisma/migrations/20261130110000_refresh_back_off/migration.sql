-- Back-off for consecutive transient refresh failures (lib/tokens/back-off.ts).
ALTER TABLE "Account" ADD COLUMN "failureCount" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Account" ADD COLUMN "nextRetryAt" TIMESTAMP(3);
