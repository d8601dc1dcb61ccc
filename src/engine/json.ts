/**
 * A reply body as JSON text, byte for byte what `JSON.stringify` makes, with
 * the text of every record kept with the record.
 *
 * Records are frozen when a collection takes them, and an update makes a new
 * object, so a record's JSON never changes: once a record is read a second
 * time its text is kept here, keyed by the record itself (a WeakMap: the
 * text goes when the record does). Not on the first: a text costs about what
 * the record does. A write's reply does not count at all (`counts` false):
 * most records are sent once, by the write that made them, and marking each
 * one in the WeakMap was a table insert on every create. A page of 25
 * products was ~30 µs of `JSON.stringify` per request, most of a list's
 * engine time; joining the kept texts takes ~3 µs.
 *
 * Only what cannot change is kept: a frozen plain object or array whose
 * every value is a primitive or, in turn, such an object (no getters, no
 * `toJSON`). Anything else is written afresh every time.
 */

/**
 * What is known of each frozen value written: its text, kept from its second
 * time on; false: written once, not kept (a record the write that made it
 * sends and nobody reads keeps no text); null: frozen but not wholly
 * immutable, never kept.
 */
const texts = new WeakMap<object, string | false | null>();

/**
 * How deep the walk looks for records: the body and the members and items
 * of its top-level values (a list page's `data`). Below that, or in anything
 * that is not plain data, `JSON.stringify` writes the rest as it always did.
 */
const WALK_DEPTH = 2;

/** The body as JSON text; '' when JSON has no text for it (undefined). `counts`: this send counts toward keeping its records' texts (a read's reply; a write's does not). */
export function toJson(body: unknown, counts = true): string {
  return write(body, 0, counts) ?? '';
}

function write(value: unknown, depth: number, counts: boolean): string | undefined {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  const known = texts.get(value);
  if (known) return known;
  // frozen but not wholly immutable (an order's items, an endpoint's events): nothing in it is kept, one native pass writes it
  if (known === null) return JSON.stringify(value);
  if (Object.isFrozen(value)) {
    const text = JSON.stringify(value);
    if (counts) texts.set(value, known === undefined ? false : immutable(value) ? text : null);
    return text;
  }
  if (depth >= WALK_DEPTH || !isPlain(value)) return JSON.stringify(value);
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i++) text += `${i ? ',' : ''}${write(value[i], depth + 1, counts) ?? 'null'}`;
    return `${text}]`;
  }
  let text = '{';
  for (const key of Object.keys(value)) {
    const member = write((value as Record<string, unknown>)[key], depth + 1, counts);
    if (member !== undefined) text += `${text.length > 1 ? ',' : ''}${JSON.stringify(key)}:${member}`;
  }
  return `${text}}`;
}

/** An array, or an object of Object's own prototype (or none), that JSON.stringify writes member by member. */
function isPlain(value: object): boolean {
  if ('toJSON' in value) return false;
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Frozen plain data all the way down (what JSON reads of it: its own enumerable members, none a getter): its JSON can never change. */
function immutable(value: object): boolean {
  if (!Object.isFrozen(value) || !isPlain(value)) return false;
  // one descriptor at a time: getOwnPropertyDescriptors costs more than the JSON it would save
  for (const key of Object.keys(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key)!;
    if (!('value' in descriptor)) return false;
    const member: unknown = descriptor.value;
    if (typeof member === 'object' && member !== null && !immutable(member)) return false;
  }
  return true;
}
