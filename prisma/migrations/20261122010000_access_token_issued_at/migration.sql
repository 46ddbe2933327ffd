-- Short-lived access tokens refresh at a quarter of their lifetime (lib/tokens/with-provider-token.ts).
ALTER TABLE "Account" ADD COLUMN "accessTokenIssuedAt" TIMESTAMP(3);
