import { z } from 'zod';

/** Text is stored NFC (DOMAIN: Vietnamese data facts). Trims and normalises. */
export const Text = (min = 1, max = 500) =>
  z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().min(min).max(max));

export const Uuid = z.uuid();
/** ISO date `yyyy-mm-dd` (shown as dd/mm/yyyy in the UI). */
export const IsoDate = z.iso.date();
export const Localized = z.object({ vi: z.string(), en: z.string() });
export type Localized = z.infer<typeof Localized>;

export const IdParams = z.object({ id: Uuid });

export const Paging = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
