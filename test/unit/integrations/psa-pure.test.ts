import { backoffMs, retryAfterSeconds, subWindowBudget } from '../../../src/integrations/psa/backoff';
import { errorText } from '../../../src/integrations/psa/error-text';

describe('PSA pure rules', () => {
  it('reads every Syncro 422 shape as text', () => {
    expect(errorText({ error: 'Customer required field' })).toBe('Customer required field');
    expect(errorText({ success: false, message: ["Subject can't be blank"] })).toBe("Subject can't be blank");
    expect(errorText({ errors: "Name can't be blank, Description can't be blank", params: {} })).toBe(
      "Name can't be blank, Description can't be blank",
    );
    expect(errorText({ errors: ['billable must be true or false'] })).toBe('billable must be true or false');
    expect(errorText({ errors: { subject: ["can't be blank"] } })).toBe("subject can't be blank");
    expect(errorText(null)).toBe('no details given');
  });

  it('never lets a fixed-window budget exceed the limit in any sliding window', () => {
    expect(subWindowBudget(180, 60)).toEqual({ points: 25, durationSeconds: 10 });
    for (const [n, w] of [
      [180, 60],
      [500, 300],
      [120, 2],
      [10, 1],
    ]) {
      const { points, durationSeconds } = subWindowBudget(n, w);
      // a sliding window of w seconds touches at most ceil(w / d) + 1 fixed windows
      expect(points * (Math.ceil(w / durationSeconds) + 1)).toBeLessThanOrEqual(n);
    }
  });

  it('honours Retry-After as seconds or a date, and backs off with jitter otherwise', () => {
    expect(retryAfterSeconds('7')).toBe(7);
    expect(retryAfterSeconds(new Date(10_000).toUTCString(), 1_000)).toBe(9);
    expect(retryAfterSeconds(null)).toBeUndefined();
    expect(backoffMs(0, 250, 8000, () => 0)).toBe(250);
    expect(backoffMs(3, 250, 8000, () => 1)).toBe(1000);
    expect(backoffMs(10, 250, 8000, () => 0)).toBe(8000);
  });
});
