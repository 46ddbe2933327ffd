// POST /api/v1/connections/{id}/token — documented in lib/api/openapi.ts.
import { authenticateService } from "@/lib/api/authenticate";
import { json, problem } from "@/lib/api/problem";
import { recordServiceUse } from "@/lib/api/service-usage";
import { connectionOwner } from "@/lib/api/connection-owner";
import { getConnectionToken } from "@/lib/tokens/get-connection-token";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await authenticateService(request, "tokens:read");
  if (!auth.ok) return auth.response;
  const { id } = await params;
  const userId = await connectionOwner(id);
  if (!userId) return problem("not_found", "No such connection.");
  const result = await getConnectionToken(userId, id, { providers: auth.service.providers });
  if (!result.ok) return problem(result.reason, result.message);
  await recordServiceUse(auth.service, {
    userId, connectionId: id, providerId: result.provider.id, providerName: result.provider.name,
  });
  return json({ access_token: result.accessToken, token_type: "Bearer", expires_at: result.expiresAt, scopes: result.scopes });
}
