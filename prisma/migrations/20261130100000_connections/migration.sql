-- Every connected account is its own connection: a person's label for it and a per-connection
-- "Use to sign in" switch. Existing rows keep signing in (default true) and have no label.
ALTER TABLE "Account" ADD COLUMN "label" TEXT;
ALTER TABLE "Account" ADD COLUMN "signInEnabled" BOOLEAN NOT NULL DEFAULT true;
