-- Service keys for /api/v1, per-connection consent, usage for the "used by" line, per-key rate-limit windows.
-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "allowServices" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "ServiceKey" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "scopes" TEXT NOT NULL,
    "providers" TEXT,
    "rateLimitPerMinute" INTEGER NOT NULL DEFAULT 600,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ServiceKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceUsage" (
    "serviceKeyId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "lastUsedAt" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ServiceUsage_pkey" PRIMARY KEY ("serviceKeyId","accountId")
);

-- CreateTable
CREATE TABLE "ServiceKeyWindow" (
    "serviceKeyId" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ServiceKeyWindow_pkey" PRIMARY KEY ("serviceKeyId","windowStart")
);

-- CreateIndex
CREATE UNIQUE INDEX "ServiceKey_prefix_key" ON "ServiceKey"("prefix");

-- CreateIndex
CREATE INDEX "ServiceUsage_accountId_idx" ON "ServiceUsage"("accountId");

-- AddForeignKey
ALTER TABLE "ServiceUsage" ADD CONSTRAINT "ServiceUsage_serviceKeyId_fkey" FOREIGN KEY ("serviceKeyId") REFERENCES "ServiceKey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceUsage" ADD CONSTRAINT "ServiceUsage_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceKeyWindow" ADD CONSTRAINT "ServiceKeyWindow_serviceKeyId_fkey" FOREIGN KEY ("serviceKeyId") REFERENCES "ServiceKey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

