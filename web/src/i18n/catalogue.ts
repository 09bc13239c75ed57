/** The shape of a translation: only keys that English has (a typo does not compile), each one optional. */
import type { Message } from './message.ts';
import type { MessageKey } from './messages-en.ts';

export type Catalogue = { readonly [K in MessageKey]?: Message };
