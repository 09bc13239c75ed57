/**
 * The partner master as a preview's earlier pages would have left it, without writing: the stored look-ups
 * with the links, e-mails and partner data that the pages planned so far would have written laid over them.
 * A later page then plans exactly as it would in the run (a customer read twice is unchanged the second
 * time; a partner created on page 1 owns its e-mail on page 2).
 */
import type { MatchRule } from '../domain/match-rules.ts';
import type { EmailOwner, ExistingLink, MatchCandidate, PagePlan } from '../domain/page-plan.ts';
import type { PartnerType } from '../domain/partner.ts';
import type { PartnerLookups } from './page-input.ts';
import { type ImportedFields, importedFields } from './partner-changes.ts';

/** Partners the preview would create get ids above every stored one (in creation order). */
const FIRST_NEW_ID = 2 ** 52;

export interface PlannedPartner {
  type: PartnerType;
  /** The partner number (a placeholder for a partner the preview would create). */
  number: string;
  fields: ImportedFields;
}

export class PreviewOverlay implements PartnerLookups {
  private readonly plannedLinks = new Map<string, ExistingLink>();
  /** Partner id -> its lower-case e-mail after the planned writes. */
  private readonly emails = new Map<number, string | null>();
  /** Partners the planned writes link to this channel. */
  private readonly linked = new Set<number>();
  private readonly partners = new Map<number, PlannedPartner>();
  private nextId = FIRST_NEW_ID;

  constructor(private readonly stored: PartnerLookups) {}

  async links(externalIds: readonly string[]): Promise<Map<string, ExistingLink>> {
    const found = await this.stored.links(externalIds);
    for (const id of externalIds) {
      const planned = this.plannedLinks.get(id);
      if (planned) found.set(id, planned);
    }
    return found;
  }

  async emailOwners(emails: readonly string[]): Promise<Map<string, EmailOwner[]>> {
    const found = await this.stored.emailOwners(emails);
    const result = new Map<string, EmailOwner[]>();
    for (const email of new Set(emails.map((value) => value.toLowerCase()))) {
      const owners = (found.get(email) ?? [])
        .filter((owner) => !this.emails.has(owner.partnerId) || this.emails.get(owner.partnerId) === email)
        .map((owner) => (this.linked.has(owner.partnerId) ? { ...owner, inChannel: true } : owner));
      for (const [partnerId, planned] of this.emails) {
        if (planned !== email || owners.some((owner) => owner.partnerId === partnerId)) continue;
        const number = this.partners.get(partnerId)?.number ?? String(partnerId);
        owners.push({ partnerId, number, inChannel: this.linked.has(partnerId) });
      }
      owners.sort((a, b) => a.partnerId - b.partnerId);
      if (owners.length > 0) result.set(email, owners);
    }
    return result;
  }

  /**
   * The stored candidates, those that the planned writes link to this channel marked so. (A partner whose keys
   * an earlier page of the preview changed is still found by its stored keys.)
   */
  async matchCandidates(keys: ReadonlyArray<{ rule: MatchRule; key: string }>): Promise<MatchCandidate[]> {
    const found = await this.stored.matchCandidates(keys);
    return found.map((item) => (this.linked.has(item.partnerId) ? { ...item, inChannel: true } : item));
  }

  /** The partner as the planned writes left it (undefined: as stored). */
  planned(partnerId: number): PlannedPartner | undefined {
    return this.partners.get(partnerId);
  }

  /** Lays a page's plan over the partner master; `before` gives an updated partner as it was. */
  apply(plan: PagePlan, before: (partnerId: number) => Omit<PlannedPartner, 'fields'>): void {
    const createdIds = plan.creates.map((create) => {
      const partnerId = this.nextId++;
      const number = `(new partner ${partnerId - FIRST_NEW_ID + 1})`;
      const fields = importedFields(create.customer, create.type);
      this.partners.set(partnerId, { type: create.type, number, fields });
      this.link(create, partnerId);
      return partnerId;
    });
    for (const update of plan.updates) {
      const { type, number } = before(update.partnerId);
      this.partners.set(update.partnerId, { type, number, fields: importedFields(update.customer, type) });
      this.link(update, update.partnerId);
    }
    for (const link of plan.links) {
      const partnerId =
        'partnerId' in link.target ? link.target.partnerId : createdIds[link.target.createIndex];
      if (partnerId !== undefined) this.link(link, partnerId, false);
    }
  }

  /** Tombstones applied (Deactivate deleted customer accounts): the links are inactive afterwards. */
  deactivate(links: Iterable<ExistingLink>): void {
    for (const link of links) this.plannedLinks.set(link.externalId, { ...link, active: false });
  }

  private link(
    planned: PagePlan['links'][number] | PagePlan['updates'][number] | PagePlan['creates'][number],
    partnerId: number,
    setsEmail = true,
  ): void {
    const { customer } = planned;
    this.plannedLinks.set(customer.externalId, {
      externalId: customer.externalId,
      partnerId,
      fingerprint: planned.fingerprint,
      confirmedWarnings: planned.confirmedWarnings,
      active: true,
    });
    this.linked.add(partnerId);
    if (setsEmail) this.emails.set(partnerId, customer.email?.toLowerCase() ?? null);
  }
}
