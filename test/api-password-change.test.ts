/**
 * The forced password change after a login with a one-time password: the login sets a ticket cookie (HttpOnly,
 * /api/auth) that stands for the one-time password (this session, 10 minutes, once), the server still checks it; a password equal to the
 * user name is refused as such (also a short one); empty fields are "required".
 */
import { expect, it } from 'vitest';
import { client, sessionCookie, testApi } from './support/api-fixtures.ts';
import { describeEachDb } from './support/test-databases.ts';

describeEachDb('HTTP API: forced password change', (getDb) => {
  /** Logs in; `change` posts a password change with the session cookie and (`ticket`) the ticket cookie. */
  async function logIn(api: ReturnType<typeof testApi>, name: string, password: string) {
    const answer = await client(api.app, null).post('/api/auth/login', { name, password });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.body).not.toMatch(/ticket"\s*:\s*"/);
    const session = sessionCookie(answer);
    const cookie = answer.cookies.find((c) => c.name === 'kontor_password_ticket');
    if (cookie)
      expect(cookie).toMatchObject({ httpOnly: true, path: '/api/auth', sameSite: 'Strict', maxAge: 600 });
    const ticket = cookie?.value;
    const change = (body: Record<string, unknown>, withTicket: string | null | undefined = ticket) =>
      api.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: {
          'x-kontor-request': '1',
          cookie: [
            `kontor_session=${session}`,
            ...(withTicket ? [`kontor_password_ticket=${withTicket}`] : []),
          ].join('; '),
        },
        payload: body,
      });
    return {
      session: client(api.app, session),
      ticket,
      change,
      changeTicketSet: (answer.json() as { changeTicketSet?: boolean }).changeTicketSet,
    };
  }

  it('changes the password with the ticket of the login instead of the one-time password', async () => {
    const api = testApi(getDb());
    const { oneTimePassword } = await api.users.add({ name: 'operations-lead', role: 'user' });
    const { session, ticket, change, changeTicketSet } = await logIn(
      api,
      'operations-lead',
      oneTimePassword!,
    );
    expect(ticket).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(changeTicketSet).toBe(true);

    // The user name is refused as the hint says, in any case and also when it is short.
    for (const name of ['operations-lead', 'Operations-Lead ']) {
      const same = await change({ newPassword: name });
      expect(same.statusCode).toBe(400);
      expect(same.json()).toEqual({
        code: 'INVALID_INPUT',
        field: 'newPassword',
        message: 'The password must not be the user name.',
      });
    }
    expect((await change({ newPassword: '' })).json()).toMatchObject({
      field: 'newPassword',
      message: 'New password is required.',
    });
    expect((await change({ newPassword: 'long enough now' }, null)).json()).toMatchObject({
      field: 'currentPassword',
      message: 'Current password is required.',
    });
    // The one-time password itself is no new password.
    expect((await change({ newPassword: oneTimePassword })).json()).toMatchObject({
      field: 'newPassword',
      message: 'The new password must differ from the current one.',
    });
    // A forged ticket proves nothing.
    expect((await change({ newPassword: 'long enough now' }, 'x'.repeat(43))).json()).toMatchObject({
      field: 'currentPassword',
    });

    const changed = await change({ newPassword: 'long enough now' });
    expect(changed.statusCode).toBe(204);
    expect(changed.cookies.find((c) => c.name === 'kontor_password_ticket')?.value).toBe('');
    expect((await session.get('/api/auth/me')).json()).toMatchObject({ user: { mustChangePassword: false } });
    const again = await logIn(api, 'operations-lead', 'long enough now');
    expect(again.ticket).toBeUndefined();
    expect(again.changeTicketSet).toBeUndefined();
    // Once only.
    expect((await change({ newPassword: 'another one again' })).json()).toMatchObject({
      field: 'currentPassword',
    });
  });

  it('takes a ticket only in its own session and for 10 minutes', async () => {
    const api = testApi(getDb());
    const { oneTimePassword } = await api.users.add({ name: 'dan', role: 'user' });
    const first = await logIn(api, 'dan', oneTimePassword!);
    const second = await logIn(api, 'dan', oneTimePassword!);
    const elsewhere = await second.change({ newPassword: 'long enough now' }, first.ticket);
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json()).toMatchObject({ field: 'currentPassword' });
    // A short user name: refused as the user name, not for its length.
    expect((await second.change({ newPassword: 'dan' })).json()).toMatchObject({
      message: 'The password must not be the user name.',
    });

    api.clock.advance(10 * 60_000 + 1000);
    const late = await first.change({ newPassword: 'long enough now' });
    expect(late.json()).toMatchObject({ field: 'currentPassword', message: /one-time password again/ });
    // The one-time password still does it.
    const withPassword = await first.change({
      currentPassword: oneTimePassword,
      newPassword: 'long enough now',
    });
    expect(withPassword.statusCode).toBe(204);
  });
});
