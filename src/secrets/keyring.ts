/** The keys a process holds: the current one seals, the previous ones (rotation) still open. */
import type { SecretKey } from './secret-key.ts';

export class Keyring {
  readonly #byId: Map<string, SecretKey>;

  constructor(
    readonly current: SecretKey,
    readonly previous: readonly SecretKey[] = [],
    /** Where the keys come from, for messages: a variable's name or a key file's path. */
    readonly source = 'memory',
  ) {
    this.#byId = new Map([...previous, current].map((key) => [key.id, key]));
  }

  key(id: string): SecretKey | undefined {
    return this.#byId.get(id);
  }

  get ids(): string[] {
    return [...this.#byId.keys()];
  }
}
