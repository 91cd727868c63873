/**
 * When to poll a source next: its interval after a success; after failures the interval
 * doubles each time (exponential backoff) up to the source's cap. A server's Retry-After
 * (RFC 9110 10.2.3) is honoured when longer, but never beyond the cap either.
 */
export function nextPollDelaySeconds(input: {
  readonly intervalSeconds: number;
  readonly failures: number;
  readonly maxBackoffSeconds: number;
  readonly retryAfterSeconds?: number;
}): number {
  if (input.failures <= 0) return input.intervalSeconds;
  const cap = Math.max(input.maxBackoffSeconds, input.intervalSeconds);
  const backoff = input.intervalSeconds * 2 ** Math.min(input.failures, 30);
  return Math.min(cap, Math.max(backoff, input.retryAfterSeconds ?? 0));
}
