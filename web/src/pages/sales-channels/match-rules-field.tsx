/**
 * The Matching tab of a sales channel: the rules, in their order, by which a customer without a link in the
 * channel is linked to an existing partner of its type (docs/import-rules.md "Matching"). The order is the order
 * in which they are chosen; none: every customer without a link gets a new partner.
 */
import { MultiSelect } from '@mantine/core';
import { MATCH_RULE_LABELS, MATCH_RULES, type MatchRule } from '../../api/channels.ts';

const isRule = (value: string): value is MatchRule => (MATCH_RULES as readonly string[]).includes(value);

export function MatchRulesField({
  value,
  onChange,
}: {
  value: MatchRule[];
  onChange: (rules: MatchRule[]) => void;
}) {
  return (
    <MultiSelect
      label="Match existing partners by (in this order)"
      description="A customer without a link in this channel is linked to the one existing partner of its type with the same tax id, e-mail or phone number (compared after normalisation); several candidates wait for review under Review records. Empty: every new customer gets a new partner."
      placeholder={value.length === 0 ? 'No matching' : undefined}
      data={MATCH_RULES.map((rule) => ({ value: rule, label: MATCH_RULE_LABELS[rule] }))}
      value={value}
      onChange={(next) => onChange(next.filter(isRule))}
      clearable
      data-testid="channel-match-rules"
    />
  );
}
