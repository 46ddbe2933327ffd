// Who the person is at a provider, from whatever shape its profile takes.
type Profile = Record<string, unknown> | undefined | null;

const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim().slice(0, 200) : null);

export function profileColumns(profile: Profile) {
  const data = (profile?.data as Profile) ?? profile; // X nests its user under `data`
  const username = text(data?.preferred_username) ?? text(data?.login) ?? text(data?.username) ?? text(data?.name);
  const image = text(data?.picture) ?? text(data?.avatar_url) ?? text(data?.profile_image_url);
  return { username, email: profileEmail(profile), image: image?.startsWith("https://") ? image : null };
}

export function profileEmail(profile: Profile): string | null {
  return text(profile?.email)?.toLowerCase() ?? null;
}
