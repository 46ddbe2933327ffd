export interface ProviderStats {
  token: Record<string, number>;
  token_errors: Record<string, number>;
  revocations: number;
  userinfo: number;
}

export async function providerStats(issuer: string): Promise<ProviderStats> {
  const response = await fetch(`${issuer}/__dev/stats`);
  if (!response.ok) throw new Error(`stats: HTTP ${response.status}`);
  return response.json();
}
