/**
 * Stable problem codes for syndication management (webhook subscriptions, their delivery
 * log and content-API keys), spread into the one error catalogue.
 */
export const distributionProblemCatalogue = {
  WEBHOOK_URL_INVALID: {
    status: 422,
    message: "The webhook URL must be an absolute http:// or https:// address.",
  },
  WEBHOOK_URL_PRIVATE: {
    status: 422,
    message:
      "The webhook URL points at a private, loopback or link-local address; partners must be reachable on the public internet.",
  },
  WEBHOOK_URL_UNRESOLVABLE: {
    status: 422,
    message: "The webhook URL's host name does not resolve to any address.",
  },
  WEBHOOK_NOT_FOUND: { status: 404, message: "The webhook subscription does not exist." },
  WEBHOOK_DELIVERY_NOT_FOUND: {
    status: 404,
    message: "The webhook delivery does not exist for this subscription.",
  },
  WEBHOOK_DELIVERY_NOT_RETRYABLE: {
    status: 409,
    message:
      "Only a failed or waiting delivery can be retried; this one was delivered or is being sent.",
  },
  API_KEY_NOT_FOUND: {
    status: 404,
    message: "The API key does not exist or has already been revoked.",
  },
} as const satisfies Record<string, { status: number; message: string }>;
