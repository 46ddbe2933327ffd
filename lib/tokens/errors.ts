// The outcomes of getting a usable token, each with a message fit to show the person.

/** The grant is gone (revoked, expired or reused): only a new connect flow helps. */
export class ReconnectRequiredError extends Error {
  constructor(providerName: string) {
    super(`${providerName} needs to be reconnected.`);
    this.name = "ReconnectRequiredError";
  }
}

/** The provider's token endpoint failed this time (timeout, 5xx, garbage). Stored tokens are untouched. */
export class TransientTokenError extends Error {
  constructor(providerName: string, cause: string) {
    super(`${providerName} could not refresh access right now (${cause}). Please try again.`);
    this.name = "TransientTokenError";
  }
}

export class NotConnectedError extends Error {
  constructor(providerName: string) {
    super(`${providerName} is not connected.`);
    this.name = "NotConnectedError";
  }
}
