/** What a password chosen by a person must be (docs/api.md): 10 to 256 characters, not the user's name. */
import { fieldError } from '../domain/field-error.ts';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;

/** Throws an InvalidInputError for `field` when the password breaks a rule. */
export function assertPassword(userName: string, password: string, field: string): void {
  // First: the user name is refused as such, also when it is shorter than the minimum ("carol").
  if (password.trim().toLowerCase() === userName.toLowerCase())
    throw fieldError('The password must not be the user name.', field);
  if (password.length < MIN_PASSWORD_LENGTH)
    throw fieldError(`The password must have at least ${MIN_PASSWORD_LENGTH} characters.`, field);
  if (password.length > MAX_PASSWORD_LENGTH)
    throw fieldError(`The password must have at most ${MAX_PASSWORD_LENGTH} characters.`, field);
}
