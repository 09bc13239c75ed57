/**
 * SP-API usage plans as Amazon enforces them: one token bucket per operation that refills at the plan's rate
 * up to its burst; a request finds a token or is throttled (429 QuotaExceeded). Real time, not the
 * simulator's clock: throttling is about how fast requests arrive.
 */
import type { Operation, UsagePlan } from '../../adapters/amazon/sp-api.ts';

export type SimulatedOperation = Operation;

interface Bucket {
  plan: UsagePlan;
  tokens: number;
  at: number;
}

export class UsagePlanQuota {
  private readonly buckets = new Map<SimulatedOperation, Bucket>();

  constructor(
    private readonly plans: Readonly<Record<SimulatedOperation, UsagePlan>>,
    private readonly now: () => number = Date.now,
  ) {}

  plan(operation: SimulatedOperation): UsagePlan {
    return this.plans[operation];
  }

  /** Takes a token for one request; false when the bucket is empty. */
  take(operation: SimulatedOperation): boolean {
    const plan = this.plans[operation];
    const time = this.now();
    const bucket = this.buckets.get(operation) ?? { plan, tokens: plan.burst, at: time };
    bucket.tokens = Math.min(plan.burst, bucket.tokens + ((time - bucket.at) / 1000) * plan.rate);
    bucket.at = time;
    this.buckets.set(operation, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}
