-- Security page (issue 11): session list and recent sign-in, passkey names and use, rate limits,
-- and an "account deleted" event that outlives its user.
ALTER TABLE "Session" ADD COLUMN "id" TEXT NOT NULL DEFAULT (gen_random_uuid())::text;
ALTER TABLE "Session" ADD COLUMN "userAgent" TEXT;
ALTER TABLE "Session" ADD COLUMN "lastActiveAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
ALTER TABLE "Session" ADD COLUMN "authenticatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
CREATE UNIQUE INDEX "Session_id_key" ON "Session"("id");

ALTER TABLE "Authenticator" ADD COLUMN "name" TEXT;
ALTER TABLE "Authenticator" ADD COLUMN "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
ALTER TABLE "Authenticator" ADD COLUMN "lastUsedAt" TIMESTAMP(3);

ALTER TABLE "ActivityEvent" ALTER COLUMN "userId" DROP NOT NULL;

CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "resetAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);
