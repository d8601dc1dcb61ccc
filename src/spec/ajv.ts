import { Ajv2020, type Options } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats ships CommonJS; under NodeNext its default export is the module object.
const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;

/**
 * One factory for every ajv instance, so the dialect (JSON Schema 2020-12, as
 * OpenAPI 3.1 uses), formats and tolerated OpenAPI keywords are set once.
 */
export function createAjv(options: Options = {}): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: false, ...options });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  return ajv;
}
