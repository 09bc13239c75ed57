/** Users and login (docs/api.md "Auth and users"). */
import { Type } from 'typebox';
import { UI_LANGUAGES } from '../../domain/ui-language.ts';
import { Nullable, Timestamp } from './common.ts';

export const RoleSchema = Type.Enum(['administrator', 'user']);

export const UserSchema = Type.Object({
  name: Type.String(),
  displayName: Type.String(),
  role: RoleSchema,
  disabled: Type.Boolean(),
  mustChangePassword: Type.Boolean(),
  createdAt: Timestamp,
  lastLoginAt: Nullable(Timestamp),
  uiLanguage: Nullable(
    Type.Enum([...UI_LANGUAGES], {
      description:
        "The web UI's language the user chose; null: the browser's languages decide (else English)",
    }),
  ),
});

export const UserEnvelope = Type.Object({ user: UserSchema });

const Password = Type.String({ minLength: 1, maxLength: 256 });

export const LoginBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  password: Password,
  oltp: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 40,
      description: 'the OLTP database to work on (GET /api/oltp-databases); default: the default one',
    }),
  ),
});

/** The answer of POST /api/auth/login: with a one-time password the ticket cookie for the forced change. */
export const LoginAnswer = Type.Object({
  user: UserSchema,
  changeTicketSet: Type.Optional(
    Type.Literal(true, {
      description:
        'Only when the user must change the password: the cookie kontor_password_ticket (HttpOnly, /api/auth, 10 minutes, this session, once) stands for the one-time password in POST /api/auth/password',
    }),
  ),
});

export const PasswordChangeBody = Type.Object(
  {
    currentPassword: Type.Optional(Password),
    newPassword: Type.String({ maxLength: 256 }),
  },
  {
    description:
      "Without currentPassword the ticket cookie of this session's login (see POST /api/auth/login) proves it.",
  },
);

export const NewUserBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 63 }),
  displayName: Type.Optional(Nullable(Type.String({ maxLength: 120 }))),
  role: RoleSchema,
  password: Type.String({ minLength: 10, maxLength: 256 }),
});

export const UserPatchBody = Type.Object({
  displayName: Type.Optional(Nullable(Type.String({ maxLength: 120 }))),
  role: Type.Optional(RoleSchema),
  password: Type.Optional(Type.String({ minLength: 10, maxLength: 256 })),
  disabled: Type.Optional(Type.Boolean()),
});

/** PUT /api/auth/language: one's own web UI language; null goes back to the browser's. */
export const UiLanguageBody = Type.Object({ language: Nullable(Type.String({ maxLength: 35 })) });
