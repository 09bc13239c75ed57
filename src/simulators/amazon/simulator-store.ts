/**
 * The simulated seller's orders, complete with personal data, in the shape Orders API v0 renders them (what
 * a caller may see is decided when an order is rendered). Every change sets LastUpdateDate from the
 * simulator's clock. Tests and the demo change orders in process: place a new order for a buyer, move an
 * order to another status.
 */
import { amazonDate } from '../../adapters/amazon/dates.ts';
import type { OrderStatus, SpAddress, SpOrder } from '../../adapters/amazon/sp-api-types.ts';

export class AmazonOrderStore {
  private readonly orders = new Map<string, SpOrder>();
  private sequence = 0;

  constructor(private readonly clock: () => Date) {}

  now(): Date {
    return this.clock();
  }

  load(orders: readonly SpOrder[]): void {
    for (const order of orders) this.orders.set(order.AmazonOrderId, structuredClone(order));
  }

  get size(): number {
    return this.orders.size;
  }

  /** The stored orders, not copied: only for reading. */
  snapshot(): readonly SpOrder[] {
    return [...this.orders.values()];
  }

  /** Copies of all orders, by purchase date. */
  list(): SpOrder[] {
    return [...this.orders.values()]
      .sort(
        (a, b) =>
          a.PurchaseDate.localeCompare(b.PurchaseDate) || a.AmazonOrderId.localeCompare(b.AmazonOrderId),
      )
      .map((order) => structuredClone(order));
  }

  get(id: string): SpOrder | undefined {
    const order = this.orders.get(id);
    return order ? structuredClone(order) : undefined;
  }

  /** Changes an order in process; LastUpdateDate becomes now. */
  change(id: string, change: (order: SpOrder) => void): SpOrder {
    const existing = this.orders.get(id);
    if (!existing) throw new Error(`There is no order ${id}.`);
    const draft = structuredClone(existing);
    change(draft);
    draft.LastUpdateDate = amazonDate(this.clock());
    this.orders.set(id, draft);
    return structuredClone(draft);
  }

  /** Moves an order to another status (e.g. Unshipped -> Shipped), as Amazon does when the seller ships. */
  setStatus(id: string, status: OrderStatus): SpOrder {
    return this.change(id, (order) => {
      order.OrderStatus = status;
    });
  }

  /**
   * The buyer of `template` places a new order now (Unshipped, payment authorized), like the template but
   * with a new id and, if given, another shipping address.
   */
  placeOrder(template: SpOrder, shipping?: Partial<SpAddress>): SpOrder {
    const now = amazonDate(this.clock());
    let id: string;
    do {
      this.sequence += 1;
      const serial = String(this.sequence).padStart(6, '0');
      id = `${template.AmazonOrderId.slice(0, 3)}-9${serial}-${String((this.sequence * 7919) % 10_000_000).padStart(7, '0')}`;
    } while (this.orders.has(id));
    const order: SpOrder = {
      ...structuredClone(template),
      AmazonOrderId: id,
      PurchaseDate: now,
      LastUpdateDate: now,
      OrderStatus: 'Unshipped',
    };
    if (order.ShippingAddress && shipping) order.ShippingAddress = { ...order.ShippingAddress, ...shipping };
    this.orders.set(id, order);
    return structuredClone(order);
  }
}
