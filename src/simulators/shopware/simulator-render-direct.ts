/**
 * Renders entities as plain JSON without walking every field: for criteria with `includes` for every
 * entity they render (what the adapter sends), a plan made once per criteria lists the included fields,
 * and each record is built from the plan (only those fields are read; loaded associations by their own
 * plan). The same JSON as renderEntity (simulator-render.ts), which answers everything else.
 */
import type { ParsedCriteria } from './simulator-criteria.ts';
import { compareValues, search } from './simulator-criteria-eval.ts';
import { type Association, DEFINITIONS, type EntityName } from './simulator-schema.ts';

type Row = Record<string, unknown>;

interface FieldPlan {
  name: string;
  /** Set for an association: its definition, and its plan when the criteria load it (else null). */
  association: Association | null;
  nested: EntityPlan | null;
}

interface EntityPlan {
  entity: EntityName;
  criteria: ParsedCriteria;
  fields: FieldPlan[];
  /** The nested criteria only sort (a to-many association sorted in memory, not searched). */
  sortOnly: boolean;
}

const plans = new WeakMap<ParsedCriteria, EntityPlan | null>();

/** The renderer of these criteria's records, or null where renderEntity must answer. */
export function directRenderer(entity: EntityName, criteria: ParsedCriteria): ((record: Row) => Row) | null {
  let plan = plans.get(criteria);
  if (plan === undefined) {
    plan = planOf(entity, criteria, criteria.includes);
    plans.set(criteria, plan);
  }
  const found = plan;
  return found ? (record) => render(found, record) : null;
}

function planOf(
  entity: EntityName,
  criteria: ParsedCriteria,
  includes: Record<string, string[]> | null,
): EntityPlan | null {
  const included = includes?.[entity];
  if (!Array.isArray(included)) return null;
  const definition = DEFINITIONS[entity];
  for (const name of criteria.associations.keys()) if (!(name in definition.associations)) return null;
  const fields: FieldPlan[] = [];
  for (const name of included) {
    const association = definition.associations[name] ?? null;
    const loaded = association ? criteria.associations.get(name) : undefined;
    let nested: EntityPlan | null = null;
    if (association && loaded) {
      nested = planOf(association.entity, loaded, includes);
      if (!nested) return null;
    }
    fields.push({ name, association, nested });
  }
  const sortOnly =
    criteria.filters.length === 0 &&
    criteria.term === null &&
    criteria.ids === null &&
    criteria.offset === 0 &&
    criteria.limit === null &&
    criteria.sort.every((part) => !part.field.includes('.') && !part.natural);
  return { entity, criteria, fields, sortOnly };
}

function render(plan: EntityPlan, record: Row): Row {
  const out: Row = {};
  for (const { name, association, nested } of plan.fields) {
    if (!association) {
      if (name === 'apiAlias') out.apiAlias = plan.entity;
      else if (name in record) out[name] = record[name] ?? null;
      continue;
    }
    if (!nested) {
      out[name] = null;
      continue;
    }
    const related = association.load(record);
    if (!association.many) {
      out[name] = related ? render(nested, related as Row) : null;
      continue;
    }
    const list = nested.sortOnly
      ? sorted(nested.criteria, related as Row[])
      : search(related as Row[], nested.criteria).data;
    out[name] = list.map((item) => render(nested, item));
  }
  out.apiAlias = plan.entity;
  return out;
}

/** As the scan sorts (NULL first, by the field kinds). */
function sorted(criteria: ParsedCriteria, rows: Row[]): Row[] {
  if (criteria.sort.length === 0 || rows.length < 2) return rows;
  return [...rows].sort((a, b) => {
    for (const part of criteria.sort) {
      const left = a[part.field] ?? null;
      const right = b[part.field] ?? null;
      const order =
        left === null || right === null
          ? left === right
            ? 0
            : left === null
              ? -1
              : 1
          : (compareValues(part.kind, left, right) ?? 0);
      if (order !== 0) return part.descending ? -order : order;
    }
    return 0;
  });
}
