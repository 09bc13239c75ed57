/**
 * The Matching tab of a sales channel: the rules, in their order, by which a customer without a link in the
 * channel is linked to an existing partner of its type (docs/import-rules.md "Matching"). The order is the order
 * in which they are chosen; none: every customer without a link gets a new partner.
 */
import { MultiSelect } from '@mantine/core';
import { MATCH_RULES, type MatchRule } from '../../api/channels.ts';
import { useT } from '../../i18n/i18n-context.ts';

const isRule = (value: string): value is MatchRule => (MATCH_RULES as readonly string[]).includes(value);

export function MatchRulesField({
  value,
  onChange,
}: {
  value: MatchRule[];
  onChange: (rules: MatchRule[]) => void;
}) {
  const t = useT();
  return (
    <MultiSelect
      label={t('channel.matchRules')}
      description={t('channel.matchRulesHint')}
      placeholder={value.length === 0 ? t('channel.noMatching') : undefined}
      data={MATCH_RULES.map((rule) => ({ value: rule, label: t(`matchRule.${rule}`) }))}
      value={value}
      onChange={(next) => onChange(next.filter(isRule))}
      clearable
      data-testid="channel-match-rules"
    />
  );
}
