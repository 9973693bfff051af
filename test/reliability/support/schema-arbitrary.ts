import fc from 'fast-check';
import { z } from 'zod';

/**
 * Valid requests for a route, generated from its zod schema. No maintained library makes fast-check
 * arbitraries from zod 4 (zod-fast-check stops at zod 3 and fast-check 3), so the schema goes
 * through zod's own JSON Schema export and this covers the JSON Schema kinds the API's inputs use;
 * what JSON Schema cannot say (refinements, transforms) is left to the schema: every value is checked
 * with it, and a schema kind this does not know fails loudly rather than being fuzzed less.
 */
interface JsonSchema {
  type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null';
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  default?: unknown;
}

/** Real values to offer for a property (by its name and type), so that valid requests find data. */
export type Hint = (name: string, type: string | undefined) => fc.Arbitrary<unknown> | undefined;

export function validInput(schema: z.ZodType, hint: Hint = () => undefined): fc.Arbitrary<unknown> {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return arbitraryOf(json, '', hint).filter((value) => schema.safeParse(value).success);
}

/** The property names a route's input object has (every branch of a union). */
export function propertyNames(schema: z.ZodType): string[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const branches = json.anyOf ?? [json];
  return [...new Set(branches.flatMap((branch) => Object.keys(branch.properties ?? {})))];
}

function arbitraryOf(schema: JsonSchema, name: string, hint: Hint): fc.Arbitrary<unknown> {
  const own = schemaArbitrary(schema, name, hint);
  const hinted = hint(name, schema.type);
  return hinted ? fc.oneof(hinted, own) : own;
}

function schemaArbitrary(schema: JsonSchema, name: string, hint: Hint): fc.Arbitrary<unknown> {
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map((branch) => arbitraryOf(branch, name, hint)));
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case undefined:
      // z.unknown(), or what JSON Schema cannot express: any JSON.
      return fc.jsonValue({ maxDepth: 3 });
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return integerIn(schema);
    case 'number':
      return fc.double({
        min: schema.exclusiveMinimum ?? schema.minimum ?? -1e9,
        max: schema.exclusiveMaximum ?? schema.maximum ?? 1e9,
        minExcluded: schema.exclusiveMinimum !== undefined,
        maxExcluded: schema.exclusiveMaximum !== undefined,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'string':
      return stringOf(schema);
    case 'array':
      return fc.array(arbitraryOf(schema.items ?? {}, `${name}[]`, hint), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 5, 5) });
    case 'object':
      return objectOf(schema, hint);
  }
}

function integerIn(schema: JsonSchema): fc.Arbitrary<number> {
  const min = schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : (schema.minimum ?? Number.MIN_SAFE_INTEGER);
  const max = schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : (schema.maximum ?? Number.MAX_SAFE_INTEGER);
  // Small numbers most of the time (ids, counts), the edges of the range sometimes.
  return fc.oneof(fc.integer({ min, max: Math.min(max, min + 100) }), fc.bigInt({ min: BigInt(min), max: BigInt(max) }).map(Number), fc.constantFrom(min, max));
}

function stringOf(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === 'date') return fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
  if (schema.format === 'date-time') return fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((date) => date.toISOString());
  if (schema.format === 'uri') return fc.webUrl();
  if (schema.format !== undefined) throw new Error(`No generator for strings of format ${schema.format}: add one`);
  if (schema.pattern !== undefined) return fc.stringMatching(new RegExp(schema.pattern));
  return fc.string({ unit: 'binary', minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 40) });
}

function objectOf(schema: JsonSchema, hint: Hint): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const model = Object.fromEntries(Object.entries(properties).map(([key, property]) => [key, arbitraryOf(property, key, hint)]));
  const fixed = fc.record(model, { requiredKeys: schema.required ?? [] });
  const extra = schema.additionalProperties;
  if (extra === undefined || extra === false) return fixed;
  const keys = schema.propertyNames ? (schemaArbitrary(schema.propertyNames, '', hint) as fc.Arbitrary<string>) : fc.string();
  const values = extra === true ? fc.jsonValue({ maxDepth: 3 }) : arbitraryOf(extra, '', hint);
  return fc.tuple(fixed, fc.dictionary(keys, values, { maxKeys: 4 })).map(([known, more]) => ({ ...more, ...(known as object) }));
}
