export {};
// A second server process for the cross-process refresh test: N concurrent provider API calls for one
// user, through the same withProviderToken the app uses. Prints {"statuses":[...]} on stdout.
const [userId, connectionId, count, userinfoUrl] = process.argv.slice(2);
const { withProviderToken } = await import("../../lib/tokens/with-provider-token");
const statuses = await Promise.all(
  Array.from({ length: Number(count) }, () =>
    withProviderToken(userId, connectionId, (token) => fetch(userinfoUrl, { headers: { authorization: `Bearer ${token}` } }))
      .then((response) => response.status)
      .catch((error: Error) => error.message),
  ),
);
console.log(JSON.stringify({ statuses }));
process.exit(0);
