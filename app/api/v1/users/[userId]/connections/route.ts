// GET /api/v1/users/{userId}/connections — documented in lib/api/openapi.ts.
import { authenticateService } from "@/lib/api/authenticate";
import { listServiceConnections } from "@/lib/api/connections";
import { json, problem } from "@/lib/api/problem";

export async function GET(request: Request, { params }: { params: Promise<{ userId: string }> }) {
  const auth = await authenticateService(request, "connections:read");
  if (!auth.ok) return auth.response;
  const { userId } = await params;
  const connections = await listServiceConnections(userId, auth.service.providers);
  if (!connections) return problem("not_found", "No such user.");
  return json({ connections });
}
