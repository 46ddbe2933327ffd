import { handlers } from "@/auth";
import { withBodyLimit } from "@/lib/http/body-limit";

// Auth.js reads a body whole before any check of its own, so the limit comes first.
export const GET = handlers.GET;
export const POST = withBodyLimit(handlers.POST);
