/**
 * The shape check every mapping makes before it reads a record's addresses (issue 11 defect 9): an address
 * list that is not a list, an address that is not an object, or an address field that is not text (an
 * object, a list, a boolean) is an error of the record, never "no address" or a blank field, which would
 * remove what is stored for the partner. Each check returns what is wrong, for the rejection's message,
 * or null when the shape is right. Numbers pass as text (`text` reads them without losing the value).
 */
import { isRecord, isTextOrNothing } from './record-values.ts';

/** The fields of one vendor's address that its mapping reads. */
export interface AddressFields {
  /** Fields read as text: street lines, postal code, city, country, region, phone. */
  readonly texts: readonly string[];
  /** Fields read as a list of text lines (Magento's street); missing or null is no line. */
  readonly lines?: readonly string[];
  /** Fields that are an object of text fields (Magento's region, Shopware's country); missing or null is none. */
  readonly parts?: Readonly<Record<string, readonly string[]>>;
}

/** What is wrong with one address, named `name` in the message ("address 2 of \"addresses\""); null when none. */
export function addressProblem(address: unknown, name: string, fields: AddressFields): string | null {
  if (!isRecord(address)) return `${name} is not an object`;
  const text = fields.texts.find((key) => !isTextOrNothing(address[key]));
  if (text !== undefined) return `"${text}" of ${name} is not text`;
  for (const key of fields.lines ?? []) {
    const lines = address[key];
    if (lines === null || lines === undefined) continue;
    if (!Array.isArray(lines)) return `"${key}" of ${name} is not a list of lines`;
    if (!lines.every(isTextOrNothing)) return `a line of "${key}" of ${name} is not text`;
  }
  for (const [key, texts] of Object.entries(fields.parts ?? {})) {
    const part = address[key];
    if (part === null || part === undefined) continue;
    if (!isRecord(part)) return `"${key}" of ${name} is not an object`;
    const wrong = texts.find((field) => !isTextOrNothing(part[field]));
    if (wrong !== undefined) return `"${key}.${wrong}" of ${name} is not text`;
  }
  return null;
}

/**
 * What is wrong with the list of addresses under `key`: not a list, or an item with a problem; null when
 * well formed. Missing or null is no address (for formats that may leave the list out or send it as null;
 * a format that always sends the list checks that first).
 */
export function addressListProblem(list: unknown, key: string, fields: AddressFields): string | null {
  if (list === null || list === undefined) return null;
  if (!Array.isArray(list)) return `"${key}" is not a list`;
  for (const [index, address] of list.entries()) {
    const problem = addressProblem(address, `address ${index + 1} of "${key}"`, fields);
    if (problem !== null) return problem;
  }
  return null;
}
