/** Life in the demo shop: now and then a customer changes a phone number or moves, so Last transfer finds changes. */
import type { MagentoStore } from '../../adapters/magento/simulator-store.ts';

const MOVES = [
  { street: ['Karl-Liebknecht-Straße 9'], city: 'Leipzig', postcode: '04107', country_id: 'DE' },
  { street: ['ul. Floriańska 15'], city: 'Kraków', postcode: '31-019', country_id: 'PL' },
  { street: ['Calle de Alcalá 42'], city: 'Madrid', postcode: '28014', country_id: 'ES' },
  { street: ['Keizersgracht 123'], city: 'Amsterdam', postcode: '1015 CJ', country_id: 'NL' },
];

export function startShopActivity(
  store: MagentoStore,
  everyMs: number,
  report: (line: string) => void,
): { stop(): void } {
  let tick = 0;
  const timer = setInterval(() => {
    tick += 1;
    const customers = store.list().filter((customer) => (customer.addresses?.length ?? 0) > 0);
    const customer = customers[(tick * 37) % customers.length];
    if (!customer?.id) return;
    const move = MOVES[tick % MOVES.length]!;
    store.change(customer.id, (draft) => {
      const address = draft.addresses![0]!;
      Object.assign(address, move, { telephone: `+49 30 ${String(1_000_000 + tick * 7919).slice(-7)}` });
    });
    report(
      `[shop] ${customer.firstname} ${customer.lastname} (customer ${customer.id}) moved to ${move.city}.`,
    );
  }, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
