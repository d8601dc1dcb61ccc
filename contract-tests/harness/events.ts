import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { expect } from 'vitest';
import type { Delivery } from './receiver.js';
import { schemaOf, spec } from './spec.js';

// ajv-formats ships CommonJS; under NodeNext its default export is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (a: Ajv2020) => void;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const validateEvent = ajv.compile(schemaOf('Event'));

/** The spec's `receiveEvent` webhook: the headers every delivery carries. */
const deliveryHeaders = (
  spec as unknown as { webhooks: { event: { post: { parameters: { name: string; required?: boolean }[] } } } }
).webhooks.event.post.parameters
  .filter((p) => p.required)
  .map((p) => p.name.toLowerCase());

/**
 * A delivery is what the spec's `event` webhook describes: the documented
 * headers, a body that is an Event, and headers that agree with the body.
 */
export function expectDeliveryConforms(delivery: Delivery, event: { id: string; type: string }): void {
  for (const name of deliveryHeaders) expect(delivery.headers[name], `delivery header ${name}`).toBeTruthy();
  expect(delivery.headers['content-type']).toMatch(/^application\/json/);
  const ok = validateEvent(JSON.parse(delivery.raw));
  expect(ok, `the delivered event does not match the spec's Event schema: ${ajv.errorsText(validateEvent.errors)}`).toBe(true);
  expect(delivery.headers['webhook-id']).toBe(event.id);
  expect(delivery.headers['webhook-event-type']).toBe(event.type);
  expect(String(delivery.headers['webhook-timestamp'])).toMatch(/^\d+$/);
}
