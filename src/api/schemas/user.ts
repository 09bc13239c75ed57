/** Users and login (docs/api.md "Auth and users"). */
import { Type } from 'typebox';
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
});

export const UserEnvelope = Type.Object({ user: UserSchema });

const Password = Type.String({ minLength: 1, maxLength: 256 });

export const LoginBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  password: Password,
});

export const PasswordChangeBody = Type.Object({
  currentPassword: Password,
  newPassword: Type.String({ minLength: 10, maxLength: 256 }),
});

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
