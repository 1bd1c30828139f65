import { z } from 'zod';
import { countryCodes, currencyCodes } from './iso-codes.js';

/**
 * The optional `dataset.json` of a dataset. `encoding` is Probity's addition:
 * an administration whose export is Latin-1 says so here and the loader decodes
 * it; otherwise files must be UTF-8 and rows with other bytes are rejected.
 */
export const datasetInfoSchema = z
  .object({
    name: z.string().min(1).max(200).optional(),
    country: z
      .string()
      .refine((c) => countryCodes.includes(c), 'not an ISO 3166-1 alpha-2 country code')
      .optional(),
    currency: z
      .string()
      .refine((c) => currencyCodes.includes(c), 'not an ISO 4217 currency code')
      .optional(),
    timezone: z
      .string()
      .refine(isTimeZone, 'not an IANA time zone name (e.g. "Africa/Douala")')
      .optional(),
    hs_version: z.string().max(20).optional(),
    encoding: z.enum(['utf-8', 'latin-1']).optional(),
  })
  .passthrough();

/** What `dataset.json` says about a dataset. */
export type DatasetInfo = z.infer<typeof datasetInfoSchema>;

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
