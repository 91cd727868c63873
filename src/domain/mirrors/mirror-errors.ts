/** Stable problem codes for a service's mirror list (issue 16). */
export const mirrorProblemCatalogue = {
  MIRROR_URL_INVALID: {
    status: 422,
    message:
      "A mirror must be an https:// address on a public host name, or a Tor v3 .onion address.",
  },
  MIRROR_EXISTS: {
    status: 409,
    message: "That address is already listed as a mirror.",
  },
  MIRROR_NOT_FOUND: { status: 404, message: "The mirror does not exist." },
} as const;
