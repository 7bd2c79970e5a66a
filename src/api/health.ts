/**
 * API contract: health — zod request/response schemas and the types the web and other clients use.
 * Imported by server routes and by the web (which imports nothing else under src/).
 */
import { z } from 'zod';

export const healthSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  database: z.enum(['sqlite', 'postgres']),
  demo: z.boolean(),
  time: z.string(),
});
export type Health = z.infer<typeof healthSchema>;

/** Demo accounts, shown on the login page in demo mode only (empty otherwise). */
export const demoAccountsSchema = z.object({
  demo: z.boolean(),
  accounts: z.array(z.object({ role: z.string(), username: z.string(), password: z.string() })),
});
export type DemoAccounts = z.infer<typeof demoAccountsSchema>;
