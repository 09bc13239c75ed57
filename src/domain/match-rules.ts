/**
 * Matching rules of a sales channel (docs/import-rules.md "Matching"): an ordered list of the keys by which a
 * customer without a link in the channel is matched to an existing partner. Empty: no matching (a customer
 * without a link gets a new partner).
 */
import { InvalidInputError } from './errors.ts';

export const MATCH_RULES = ['tax-id', 'email', 'phone'] as const;
export type MatchRule = (typeof MATCH_RULES)[number];

export const MATCH_RULE_LABELS: Record<MatchRule, string> = {
  'tax-id': 'Tax id',
  email: 'E-mail',
  phone: 'Phone',
};

export function isMatchRule(value: string): value is MatchRule {
  return (MATCH_RULES as readonly string[]).includes(value);
}

/** The rules as the CLI takes them: `tax-id,email` or `none`. */
export function parseMatchRules(text: string): MatchRule[] {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === 'none' || trimmed === '') return [];
  return validMatchRules(trimmed.split(',').map((part) => part.trim()));
}

/** Checks a list of rules: known names, each once, in the order given (field `matchRules`). */
export function validMatchRules(rules: readonly string[]): MatchRule[] {
  const result: MatchRule[] = [];
  for (const rule of rules) {
    if (!isMatchRule(rule))
      throw new InvalidInputError(
        `"${rule}" is no matching rule: use an ordered list of ${MATCH_RULES.join(', ')}, or none.`,
        { field: 'matchRules' },
      );
    if (result.includes(rule))
      throw new InvalidInputError(`The matching rule "${rule}" is given twice.`, { field: 'matchRules' });
    result.push(rule);
  }
  return result;
}

/** The rules as the CLI prints them (`tax-id,email`; `none`). */
export function formatMatchRules(rules: readonly MatchRule[]): string {
  return rules.length === 0 ? 'none' : rules.join(',');
}
