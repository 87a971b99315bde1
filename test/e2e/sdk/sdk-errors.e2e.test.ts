import { MspApiError } from '../../../sdk';
import { UserRole } from '../../../entities/user.entity';
import { apiError, startTestApp, TestApp } from '../../helpers/test-app';

describe('SDK errors', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('sdk_errors', { env: { RATE_LIMIT_PER_MINUTE: '5' } });
  });
  afterAll(() => app.stop());

  it('keep every extension of every error: a refused input names its field and lists all the problems', async () => {
    const error = await apiError(app.sdk.CreateProject({ input: { clientId: '1', name: 'n'.repeat(201), description: 'd'.repeat(2001) } }));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name', status: 200 });
    expect(error.errors[0].extensions.problems).toEqual([
      { field: 'name', message: expect.any(String) },
      { field: 'description', message: expect.any(String) },
    ]);
  });

  it('tell a caller over its rate limit how long to wait', async () => {
    const technician = await app.clientAs(UserRole.TECHNICIAN); // a caller of its own, with the whole limit left
    let refused: MspApiError | undefined;
    for (let i = 0; i < 10 && !refused; i++)
      refused = await technician.Me().then(
        () => undefined,
        (error: MspApiError) => error,
      );
    expect(refused).toBeInstanceOf(MspApiError);
    expect(refused).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    expect(refused!.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused!.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: refused!.retryAfterSeconds });
  });
});
