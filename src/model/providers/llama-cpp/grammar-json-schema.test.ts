import type { JSONSchema7 } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toGrammarJsonSchema } from './grammar-json-schema.js';

describe('toGrammarJsonSchema', () => {
  it.each<[string, JSONSchema7, unknown]>([
    [
      'drops $schema and number bounds',
      { $schema: 'x', type: 'integer', minimum: -9007199254740991, maximum: 9007199254740991 },
      { type: 'integer' },
    ],
    ['turns anyOf into oneOf', { anyOf: [{ type: 'string' }, { type: 'null' }] }, { oneOf: [{ type: 'string' }, { type: 'null' }] }],
    ['keeps the formats the grammar knows', { type: 'string', format: 'date' }, { type: 'string', format: 'date' }],
    ['drops formats and patterns it does not know', { type: 'string', format: 'email', pattern: '.+@.+' }, { type: 'string' }],
    [
      'maps draft-7 definitions to $defs',
      { definitions: { a: { type: 'string' } }, $ref: '#/definitions/a' },
      { $defs: { a: { type: 'string' } }, $ref: '#/$defs/a' },
    ],
    [
      'maps tuple items to prefixItems',
      { type: 'array', items: [{ type: 'string' }] },
      { type: 'array', prefixItems: [{ type: 'string' }] },
    ],
    [
      'splits object-or-null types',
      { type: ['object', 'null'], properties: {} },
      {
        oneOf: [
          { type: 'object', properties: {} },
          { type: 'null', properties: {} },
        ],
      },
    ],
    ['merges allOf members', { allOf: [{ type: 'string' }], description: 'd' }, { type: 'string', description: 'd' }],
  ])('%s', (_name, input, expected) => {
    expect(toGrammarJsonSchema(input)).toEqual(expected);
  });

  it('lets an untyped schema be any JSON value instead of only null', () => {
    expect(toGrammarJsonSchema({ description: 'anything' })).toMatchObject({ oneOf: expect.any(Array) });
  });

  it('converts what zod 4 emits for a nested object, recursively', () => {
    const schema = z.object({ drug: z.string().email(), dose: z.number().int().optional(), tags: z.array(z.string().nullable()) });
    const converted = toGrammarJsonSchema(z.toJSONSchema(schema) as JSONSchema7);
    expect(converted).toEqual({
      type: 'object',
      properties: {
        drug: { type: 'string' },
        dose: { type: 'integer' },
        tags: { type: 'array', items: { type: ['string', 'null'] } },
      },
      required: ['drug', 'tags'],
      additionalProperties: false,
    });
  });
});
