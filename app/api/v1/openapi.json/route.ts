// GET /api/v1/openapi.json — the API's own description; public, like any API reference.
import { openApiDocument } from "@/lib/api/openapi";

export function GET() {
  return Response.json(openApiDocument);
}
