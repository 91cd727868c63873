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
type BreakingBannerInput = z.infer<typeof breakingBannerInputSchema>;

export interface BreakingBanner extends BreakingBannerInput {
  readonly id: string;
  readonly createdAt: string;
  readonly clearedAt: string | null;
}
