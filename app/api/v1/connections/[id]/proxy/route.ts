// POST /api/v1/connections/{id}/proxy — documented in lib/api/openapi.ts.
import { authenticateService } from "@/lib/api/authenticate";
import { connectionOwner } from "@/lib/api/connection-owner";
import { problem } from "@/lib/api/problem";
import { proxyCall } from "@/lib/api/proxy";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await authenticateService(request, "proxy");
  if (!auth.ok) return auth.response;
  const { id } = await params;
  const userId = await connectionOwner(id);
  if (!userId) return problem("not_found", "No such connection.");
  return proxyCall(request, auth.service, userId, id);
}
