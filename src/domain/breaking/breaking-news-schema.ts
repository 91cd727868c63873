import { z } from "zod";
import { isoDateTimeSchema, serviceIdSchema } from "../stories/story-schema.js";

export const breakingBannerInputSchema = z.object({
  serviceId: serviceIdSchema,
  text: z.string().trim().min(1).max(300),
  url: z
    .string()
    .max(2048)
    .refine((href) => /^(https?:\/\/|\/(?!\/))/i.test(href), {
      message: "Links must be http(s) URLs or site-relative paths.",
    })
    .nullable(),
  expiresAt: isoDateTimeSchema,
});
export type BreakingBannerInput = z.infer<typeof breakingBannerInputSchema>;

export interface BreakingBanner extends BreakingBannerInput {
  readonly id: string;
  readonly createdAt: string;
  readonly clearedAt: string | null;
}

/** A banner shows from creation until it expires or an editor clears it. */
export function isBannerActive(banner: BreakingBanner, now: Date): boolean {
  return banner.clearedAt === null && Date.parse(banner.expiresAt) > now.getTime();
}
