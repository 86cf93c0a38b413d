/**
 * The JSON Schema validator lint uses: Ajv with the 2020-12 dialect (OpenAPI
 * 3.1's) and ajv-formats, which also knows OpenAPI's int32, int64, float,
 * double, byte, binary and password formats. Formats it does not know (a
 * spec may invent `format: e164`) are accepted, as OpenAPI allows.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export type Ajv = InstanceType<typeof Ajv2020>;

/** A fresh validator; `strict: false` because OpenAPI schemas carry keywords JSON Schema does not know. */
export function createAjv(): Ajv {
  const ajv = new Ajv2020({ strict: false, allErrors: false, validateSchema: false, logger: false, validateFormats: true });
  addFormats.default(ajv);
  return ajv;
}

/** One Ajv error as a short sentence: `/from must match format "uri"`. */
export function ajvMessage(error: { instancePath: string; message?: string; params?: Record<string, unknown> }): string {
  const where = error.instancePath === '' ? 'the value' : error.instancePath;
  const extra =
    error.params && typeof error.params.additionalProperty === 'string'
      ? ` (${JSON.stringify(error.params.additionalProperty)})`
      : error.params && Array.isArray(error.params.allowedValues)
        ? `: ${error.params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`
        : '';
  return `${where} ${error.message ?? 'is invalid'}${extra}`;
}
