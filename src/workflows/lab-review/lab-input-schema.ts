import { z } from 'zod';

/** Input of the lab interpreter at the API and CLI boundary. */
export const labInterpretInputSchema = z
  .object({
    sex: z.enum(['M', 'F']).optional(),
    age: z.number().min(0).max(130).optional(),
    results: z
      .array(
        z
          .object({
            test: z.string().trim().min(1).max(120),
            value: z.number().finite(),
            unit: z.string().trim().max(40).optional(),
            time: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
            /** The laboratory's own reference range for this result, in `unit`; used instead of the knowledge base's. */
            reportedRange: z
              .object({ low: z.number().finite().optional(), high: z.number().finite().optional() })
              .strict()
              .refine((r) => r.low === undefined || r.high === undefined || r.low < r.high, {
                message: 'reportedRange.low must be below reportedRange.high',
              })
              .optional(),
          })
          .strict(),
      )
      .min(1)
      .max(2000),
  })
  .strict();
export type LabInterpretInput = z.infer<typeof labInterpretInputSchema>;
