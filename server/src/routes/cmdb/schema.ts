import { z } from 'zod';

/** The body of a dry run or an import: CSV texts (size checked by the service against the shared limit). */
export const importBody = z
  .object({
    cis: z.string().optional(),
    relations: z.string().optional(),
    validOnly: z.boolean().optional(),
  })
  .strict();
