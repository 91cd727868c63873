/** Stable problem codes for signed mirror lists and exports, spread into the one catalogue. */
export const signingProblemCatalogue = {
  SIGNING_KEY_MISSING: {
    status: 503,
    message:
      "This site has no signing key yet, so it cannot publish a signed mirror list. An operator runs `newsdesk keys generate`.",
  },
} as const satisfies Record<string, { status: number; message: string }>;
