// A port for a server a test starts a moment later. Not one the OS hands out itself (listen(0) picks from the
// ephemeral range, 32768–60999 on Linux): the OS also takes those as the local end of outgoing connections, and
// in the gap before the server listens, a database or HTTP client elsewhere in the suite could take it
// ("EADDRINUSE" from `next start`, seen in CI). Ports below that range are only ever taken by a listen.
import net from "node:net";

const LOWEST = 20_000;
const ABOVE_HIGHEST = 32_000;

export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = LOWEST + Math.floor(Math.random() * (ABOVE_HIGHEST - LOWEST));
    if (await canListen(port)) return port;
  }
  throw new Error(`no free port between ${LOWEST} and ${ABOVE_HIGHEST} after 50 tries`);
}

/** Listens the way `next start` does (all interfaces, IPv6 and IPv4) and closes again. */
function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once("error", () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}
