/** OLTP databases (docs/api.md "OLTP databases"). */
import { Type } from 'typebox';

export const OltpDatabaseSchema = Type.Object({
  name: Type.String(),
  language: Type.String({ description: 'its content language (BCP 47 tag)' }),
  default: Type.Boolean({ description: 'the first created: used when none is chosen' }),
});

export const OltpSwitchBody = Type.Object({ name: Type.String({ minLength: 1, maxLength: 40 }) });

export const OltpSwitchAnswer = Type.Object({
  oltp: Type.String({ description: 'the OLTP database the session works on now' }),
});
