// `node --import ./test/support/module-log.mjs ...`: registers module-log-hook.mjs (see there).
import { register } from 'node:module';

register('./module-log-hook.mjs', import.meta.url);
