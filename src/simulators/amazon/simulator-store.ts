/**
 * The simulated seller's orders, complete with personal data, in the shape Orders API v0 renders them (what
 * a caller may see is decided when an order is rendered). Every change sets LastUpdateDate from the
 * simulator's clock. Tests and the demo change orders in process: place a new order for a buyer, move an
 * order to another status.
 */

import { amazonDate } from '../../adapters/amazon/dates.ts';
import type { OrderStatus, SpAddress, SpOrder } from '../../adapters/amazon/sp-api-types.ts';
import { SortedIndex } from '../kit/sorted-index.ts';

/** getOrders' order: by PurchaseDate, then AmazonOrderId. */
export function byPurchase(
  a: Pick<SpOrder, 'PurchaseDate' | 'AmazonOrderId'>,
  b: Pick<SpOrder, 'PurchaseDate' | 'AmazonOrderId'>,
): number {
  return a.PurchaseDate.localeCompare(b.PurchaseDate) || a.AmazonOrderId.localeCompare(b.AmazonOrderId);
}

export class AmazonOrderStore {
  private readonly orders = new Map<string, SpOrder>();
  /** The orders in getOrders' order, kept with every change (orders are replaced, never edited in place). */
  private readonly purchaseOrder = new SortedIndex<SpOrder>(byPurchase);
  private sequence = 0;

  constructor(private readonly clock: () => Date) {}

  now(): Date {
    return this.clock();
  }

  load(orders: readonly SpOrder[]): void {
    for (const order of orders) this.put(structuredClone(order));
  }

  get size(): number {
    return this.orders.size;
  }

  /**
   * The stored orders in getOrders' order (by purchase) from just after `last` (or from the first), not
   * copied: only for reading. The position is found by binary search.
   */
  byPurchaseAfter(last: Pick<SpOrder, 'PurchaseDate' | 'AmazonOrderId'> | null): {
    orders: readonly SpOrder[];
    start: number;
  } {
    const orders = this.purchaseOrder.records();
    const start = last === null ? 0 : this.purchaseOrder.lowerBound((order) => byPurchase(order, last) <= 0);
    return { orders, start };
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
    this.put(draft);
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
    this.put(order);
    return structuredClone(order);
  }

  private put(order: SpOrder): void {
    const existing = this.orders.get(order.AmazonOrderId);
    if (existing) this.purchaseOrder.remove(existing);
    this.orders.set(order.AmazonOrderId, order);
    this.purchaseOrder.add(order);
  }
}
