/** The name a partner is shown by: its name, else first and last name, else company, else its number. */
import type { Partner } from '../../api/partners.ts';
import { translate } from '../../i18n/translate.ts';

export function displayName(partner: Partner): string {
  return (
    partner.name ||
    [partner.firstName, partner.lastName].filter(Boolean).join(' ') ||
    partner.company ||
    translate('partner.title', { number: partner.number })
  );
}
