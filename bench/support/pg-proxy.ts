// A TCP proxy between the app and PostgreSQL that counts the statements the app runs. It reads only the
// frontend (client → server) side of the wire protocol, forwarding every byte unchanged:
//   - the first message of a connection has no type byte: an SSLRequest or GSSENCRequest (answered 'N', so
//     the client continues in plain text and the stream stays readable), then the StartupMessage;
//   - after that every message is a type byte, an int32 length (counting itself) and a body.
// A statement is one simple Query ('Q') or one Execute ('E') of the extended protocol, which node-postgres
// (under Prisma's adapter) uses for every parameterised query. Parse ('P') and Bind ('B') are tracked only
// to name the SQL each Execute runs.
import net from "node:net";
import { onCleanup, release } from "./cleanup";

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;

export interface StatementCounts {
  /** Q + E messages. */
  statements: number;
  byLabel: Map<string, number>;
}

export async function startPgProxy(target: { host: string; port: number }) {
  let counts: StatementCounts = { statements: 0, byLabel: new Map() };
  const sockets = new Set<net.Socket>();
  const record = (sql: string) => {
    counts.statements++;
    const label = labelOf(sql);
    counts.byLabel.set(label, (counts.byLabel.get(label) ?? 0) + 1);
  };

  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
    }
    const stream = new FrontendStream(record);
    client.on("data", (chunk: Buffer) => {
      const { forward, reply } = stream.push(chunk);
      if (reply) client.write(reply);
      if (forward.length > 0) upstream.write(forward);
    });
    upstream.pipe(client);
    client.on("error", () => upstream.destroy());
    upstream.on("error", () => client.destroy());
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  onCleanup("postgres proxy", close);

  return {
    port: (server.address() as net.AddressInfo).port,
    reset: () => void (counts = { statements: 0, byLabel: new Map() }),
    snapshot: (): StatementCounts => ({ statements: counts.statements, byLabel: new Map(counts.byLabel) }),
    close: () => release("postgres proxy"),
  };
}

/** One client connection's frontend byte stream, cut into messages. */
class FrontendStream {
  #buffer: Buffer = Buffer.alloc(0);
  #started = false;
  readonly #statements = new Map<string, string>(); // prepared statement name ("" = unnamed) → SQL
  readonly #portals = new Map<string, string>(); // portal name → statement name

  constructor(private readonly onStatement: (sql: string) => void) {}

  push(chunk: Buffer): { forward: Buffer; reply?: Buffer } {
    this.#buffer = this.#buffer.length === 0 ? chunk : Buffer.concat([this.#buffer, chunk]);
    const forward: Buffer[] = [];
    let reply: Buffer | undefined;
    for (;;) {
      if (!this.#started) {
        if (this.#buffer.length < 8) break;
        const length = this.#buffer.readInt32BE(0);
        if (this.#buffer.length < length) break;
        const code = this.#buffer.readInt32BE(4);
        if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
          reply = Buffer.from("N"); // not supported: the client goes on unencrypted, to this proxy only
        } else {
          forward.push(this.#buffer.subarray(0, length)); // StartupMessage (or CancelRequest)
          this.#started = true;
        }
        this.#buffer = this.#buffer.subarray(length);
        continue;
      }
      if (this.#buffer.length < 5) break;
      const total = 1 + this.#buffer.readInt32BE(1);
      if (this.#buffer.length < total) break;
      this.#message(String.fromCharCode(this.#buffer[0]), this.#buffer.subarray(5, total));
      forward.push(this.#buffer.subarray(0, total));
      this.#buffer = this.#buffer.subarray(total);
    }
    // Copy what stays buffered: subarrays would pin the chunks they came from.
    this.#buffer = Buffer.from(this.#buffer);
    return { forward: Buffer.concat(forward), reply };
  }

  #message(type: string, body: Buffer): void {
    const [first, second] = cStrings(body, 2);
    if (type === "Q") this.onStatement(first);
    else if (type === "P") this.#statements.set(first, second);
    else if (type === "B") this.#portals.set(first, second);
    else if (type === "E") this.onStatement(this.#statements.get(this.#portals.get(first) ?? "") ?? "(unknown statement)");
  }
}

function cStrings(body: Buffer, count: number): string[] {
  const strings: string[] = [];
  let offset = 0;
  for (let index = 0; index < count && offset < body.length; index++) {
    const end = body.indexOf(0, offset);
    if (end === -1) break;
    strings.push(body.toString("utf8", offset, end));
    offset = end + 1;
  }
  return strings;
}

/** "SELECT Session+User": the verb and the tables a statement touches, enough to tell the queries apart. */
export function labelOf(sql: string): string {
  const verb = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? "?";
  const tables = [...sql.matchAll(/\b(?:FROM|JOIN|UPDATE|INTO)\s+(?:"[^"]+"\.)?"([^"]+)"/gi)].map((match) => match[1]);
  return tables.length > 0 ? `${verb} ${[...new Set(tables)].join("+")}` : verb;
}
