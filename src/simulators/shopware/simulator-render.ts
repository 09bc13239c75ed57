/**
 * Renders search results the two ways Shopware's Admin API does, chosen by the Accept header:
 * - application/json: `{ total, data: [entities], aggregations: [] }`, every entity with its fields,
 *   its loaded associations (null where not loaded) and `apiAlias`, cut to `includes` per apiAlias;
 * - application/vnd.api+json (the default, also for * / *): JSON:API, `{ data: [{ id, type, attributes,
 *   links, relationships, meta }], included, links, meta: { totalCountMode, total }, aggregations }`.
 */
import type { ParsedCriteria } from './simulator-criteria.ts';
import { search } from './simulator-criteria-eval.ts';
import { directRenderer } from './simulator-render-direct.ts';
import { DEFINITIONS, type EntityName } from './simulator-schema.ts';

type Row = Record<string, unknown>;

/** An entity with the associations the criteria load, as plain JSON renders it. */
export function renderEntity(
  entity: EntityName,
  record: Row,
  criteria: ParsedCriteria,
  includes: Record<string, string[]> | null = criteria.includes,
): Row {
  const definition = DEFINITIONS[entity];
  const out: Row = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === 'apiAlias' || key in definition.associations) continue;
    out[key] = value ?? null;
  }
  for (const [name, association] of Object.entries(definition.associations)) {
    const nested = criteria.associations.get(name);
    if (!nested) {
      out[name] = null;
      continue;
    }
    const related = association.load(record);
    if (association.many) {
      const list = search(related as Row[], nested).data;
      out[name] = list.map((item) => renderEntity(association.entity, item, nested, includes));
    } else {
      out[name] = related ? renderEntity(association.entity, related as Row, nested, includes) : null;
    }
  }
  out.apiAlias = entity;
  return applyIncludes(out, includes);
}

/** renderEntity, or the same JSON built from the criteria's includes (simulator-render-direct.ts). */
function rendererOf(entity: EntityName, criteria: ParsedCriteria): (row: Row) => Row {
  return directRenderer(entity, criteria) ?? ((row) => renderEntity(entity, row, criteria));
}

export function renderJson(entity: EntityName, rows: Row[], total: number, criteria: ParsedCriteria): Row {
  return { total, data: rows.map(rendererOf(entity, criteria)), aggregations: [] };
}

export function renderJsonApi(
  entity: EntityName,
  rows: Row[],
  total: number,
  criteria: ParsedCriteria,
  base: string,
  self: string,
): Row {
  const included = new Map<string, Row>();
  const render = rendererOf(entity, criteria);
  const data = rows.map((row) => resource(entity, render(row), base, included));
  return {
    data,
    included: [...included.values()],
    links: { self },
    meta: { totalCountMode: criteria.totalCountMode, total },
    aggregations: [],
  };
}

/** One JSON:API resource; loaded associations become relationships and land in `included`. */
function resource(entity: EntityName, rendered: Row, base: string, included: Map<string, Row>): Row {
  const id = String(rendered.id);
  const attributes: Row = {};
  const relationships: Row = {};
  const definition = DEFINITIONS[entity];
  const path = `${base}/api/${entity.replace(/_/g, '-')}/${id}`;
  for (const [key, value] of Object.entries(rendered)) {
    const association = definition.associations[key];
    if (key === 'id' || key === 'apiAlias') continue;
    if (!association) {
      attributes[key] = value;
      continue;
    }
    const reference = (item: Row) => {
      const child = resource(association.entity, item, base, included);
      included.set(`${association.entity}:${String(item.id)}`, child);
      return { type: association.entity, id: String(item.id) };
    };
    const linked = Array.isArray(value)
      ? value.map((item) => reference(item as Row))
      : value
        ? reference(value as Row)
        : association.many
          ? []
          : null;
    relationships[key] = {
      data: linked,
      links: { related: `${path}/${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}` },
    };
  }
  return { id, type: entity, attributes, links: { self: path }, relationships, meta: null };
}

function applyIncludes(row: Row, includes: Record<string, string[]> | null): Row {
  const fields = includes?.[String(row.apiAlias)];
  if (!Array.isArray(fields)) return row;
  const out: Row = {};
  for (const field of fields) if (field in row) out[field] = row[field];
  out.apiAlias = row.apiAlias;
  return out;
}
