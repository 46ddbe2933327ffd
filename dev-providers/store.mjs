// State of one development identity provider: signing keys, cookie keys, remembered account
// emails and oidc-provider's models (sessions, grants, tokens...). Lives in memory; when a file is
// given it is loaded at start and rewritten after every change, so restarting `npm run dev` keeps
// the refresh tokens the app already holds valid.
import { generateKeyPairSync, randomBytes, randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * @typedef {{ payload: Record<string, any>, exp: number | null }} Entry
 * @typedef {{
 *   version: 1,
 *   jwks: { keys: Record<string, any>[] },
 *   cookieKeys: string[],
 *   accounts: Record<string, { email: string }>,
 *   models: Record<string, Record<string, Entry>>,
 * }} State
 */
// Account names come from a form, so they live in a Map: a username like "constructor" or
// "__proto__" must not collide with Object.prototype.

// Models whose rows carry a grantId and must disappear when the grant is revoked.
const GRANTABLE = new Set([
  "AccessToken", "AuthorizationCode", "RefreshToken", "DeviceCode",
  "BackchannelAuthenticationRequest", "PreAuthorizedCode",
]);
// Rows outlive their exp a little, so oidc-provider (which allows clockTolerance) decides expiry, not the store.
const GRACE_MS = 15_000;

/** @returns {State} */
function freshState() {
  // RS256 because it is oidc-provider's (and every RP's) default ID token algorithm.
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: "jwk" }), kid: randomUUID(), use: "sig", alg: "RS256" };
  return {
    version: 1,
    jwks: { keys: [jwk] },
    cookieKeys: [randomBytes(32).toString("base64url")],
    accounts: {},
    models: {},
  };
}

/** @param {string} file @returns {State | undefined} */
function readState(file) {
  try {
    const state = JSON.parse(readFileSync(file, "utf8"));
    return state?.version === 1 && state.jwks?.keys?.length ? state : undefined;
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === "ENOENT") return undefined;
    // A corrupt file must not stop `npm run dev`; starting over only costs a new sign-in.
    console.warn(`dev-providers: ignoring unreadable ${file}: ${/** @type {Error} */ (error).message}`);
    return undefined;
  }
}

/** @param {string | undefined} file Where to persist, or undefined for memory only. */
export function openStore(file) {
  const state = (file && readState(file)) || freshState();
  /** @type {Map<string, { email: string }>} */
  const accounts = new Map(Object.entries(state.accounts));

  function save() {
    const now = Date.now(); // expired rows are dropped here; find() also ignores them
    for (const rows of Object.values(state.models)) {
      for (const [id, row] of Object.entries(rows)) if (row.exp !== null && row.exp <= now) delete rows[id];
    }
    if (!file) return;
    state.accounts = Object.fromEntries(accounts);
    mkdirSync(path.dirname(file), { recursive: true });
    // Write then rename: a crash mid-write leaves the previous file intact.
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(state), { mode: 0o600 });
    renameSync(temp, file);
  }
  save();

  /** @param {string} model */
  const rows = (model) => (state.models[model] ??= {});

  /** oidc-provider adapter for one model. Small data sets, so lookups simply scan. */
  class Adapter {
    /** @param {string} model */
    constructor(model) {
      this.model = model;
    }

    /** @param {string} id @param {Record<string, any>} payload @param {number} [expiresIn] seconds */
    async upsert(id, payload, expiresIn) {
      const exp = typeof expiresIn === "number" ? Date.now() + expiresIn * 1000 + GRACE_MS : null;
      rows(this.model)[id] = { payload, exp };
      save();
    }

    /** @param {string} id */
    async find(id) {
      const row = rows(this.model)[id];
      if (!row) return undefined;
      if (row.exp !== null && row.exp <= Date.now()) {
        delete rows(this.model)[id];
        return undefined;
      }
      return row.payload;
    }

    /** @param {string} uid */
    async findByUid(uid) {
      const id = Object.keys(rows(this.model)).find((key) => rows(this.model)[key].payload.uid === uid);
      return id === undefined ? undefined : this.find(id);
    }

    /** @param {string} userCode */
    async findByUserCode(userCode) {
      const id = Object.keys(rows(this.model)).find((key) => rows(this.model)[key].payload.userCode === userCode);
      return id === undefined ? undefined : this.find(id);
    }

    /** @param {string} id */
    async consume(id) {
      const row = rows(this.model)[id];
      if (row) row.payload.consumed = Math.floor(Date.now() / 1000);
      save();
    }

    /** @param {string} id */
    async destroy(id) {
      delete rows(this.model)[id];
      save();
    }

    /** @param {string} grantId */
    async revokeByGrantId(grantId) {
      if (!GRANTABLE.has(this.model)) return;
      const table = rows(this.model);
      for (const [id, row] of Object.entries(table)) if (row.payload.grantId === grantId) delete table[id];
      save();
    }
  }

  return {
    jwks: state.jwks,
    cookieKeys: state.cookieKeys,
    /** @param {string} model */
    adapter: (model) => new Adapter(model),
    /** @param {string} username */
    getAccount: (username) => accounts.get(username),
    /** @param {string} username @param {string} email */
    setAccount(username, email) {
      accounts.set(username, { email });
      save();
    },
  };
}
