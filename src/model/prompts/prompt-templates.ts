import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { sha256Hex } from '../../shared/ids.js';
import type { Locale } from '../../shared/locale.js';

/**
 * Prompts are versioned data: one JSON file per template in `templates/`, with an id, a semantic
 * version, the variables it takes, and zh-CN and en variants. Rendering is plain `{{name}}`
 * substitution — deterministic, no logic — and the result carries a hash of exactly what was sent.
 */
const variantSchema = z
  .object({ system: z.string().min(1).optional(), user: z.string().min(1).optional() })
  .refine((v) => v.system !== undefined || v.user !== undefined, 'a variant needs a system or a user message');

export const promptTemplateSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9.-]*$/),
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  description: z.string().min(1),
  variables: z.array(z.string().regex(/^\w+$/)),
  'zh-CN': variantSchema,
  en: variantSchema,
});
export type PromptTemplate = z.infer<typeof promptTemplateSchema>;

export interface RenderedPrompt {
  templateId: string;
  version: string;
  locale: Locale;
  system: string | undefined;
  user: string | undefined;
  /** SHA-256 of the rendered messages: what the artifact records. */
  hash: string;
}

const TEMPLATE_DIR = join(fileURLToPath(new URL('.', import.meta.url)), 'templates');
const PLACEHOLDER = /\{\{(\w+)\}\}/g;

export function loadPromptTemplates(dir = TEMPLATE_DIR): Map<string, PromptTemplate> {
  const templates = new Map<string, PromptTemplate>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const parsed = promptTemplateSchema.safeParse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    if (!parsed.success)
      throw new Error(
        `Prompt template ${file} is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    const template = parsed.data;
    if (`${template.id}.json` !== file)
      throw new Error(`Prompt template ${file} declares id ${template.id}; the file must be named after its id`);
    for (const locale of ['zh-CN', 'en'] as const) {
      const used = new Set([...`${template[locale].system ?? ''}${template[locale].user ?? ''}`.matchAll(PLACEHOLDER)].map((m) => m[1]));
      const declared = new Set(template.variables);
      const undeclared = [...used].filter((v) => v !== undefined && !declared.has(v));
      const unused = template.variables.filter((v) => !used.has(v));
      if (undeclared.length || unused.length) {
        throw new Error(
          `Prompt template ${file} (${locale}): ${undeclared.length ? `undeclared ${undeclared.join(', ')}` : ''}${unused.length ? ` unused ${unused.join(', ')}` : ''}`,
        );
      }
    }
    templates.set(template.id, template);
  }
  return templates;
}

let shipped: Map<string, PromptTemplate> | undefined;

export function renderPrompt(
  id: string,
  locale: Locale,
  values: Record<string, string>,
  templates?: Map<string, PromptTemplate>,
): RenderedPrompt {
  shipped ??= loadPromptTemplates();
  const template = (templates ?? shipped).get(id);
  if (!template) throw new Error(`Unknown prompt template ${id}`);
  const missing = template.variables.filter((v) => values[v] === undefined);
  if (missing.length) throw new Error(`Prompt ${id} needs ${missing.join(', ')}`);
  const fill = (text: string | undefined) => text?.replace(PLACEHOLDER, (_, name: string) => values[name] ?? '');
  const variant = template[locale];
  const system = fill(variant.system);
  const user = fill(variant.user);
  return {
    templateId: id,
    version: template.version,
    locale,
    system,
    user,
    hash: sha256Hex(JSON.stringify([id, template.version, locale, system ?? null, user ?? null])),
  };
}
