import { describe, expect, it } from 'vitest';
import { formatLine } from '../../src/log/format.js';
import type { AttemptLine, RequestLine } from '../../src/log/lines.js';

const request: RequestLine = {
  kind: 'request',
  time: '2026-11-23T12:00:01.250Z',
  shop_time: '2026-05-26T08:30:01Z',
  request_id: 'req_1',
  method: 'POST',
  path: '/v1/payouts',
  status: 422,
  problem_type: 'unprocessable',
  detail: 'amount_cents exceeds the available balance',
  operation: 'createPayout',
  tenant: 'tnt_demo',
  ms: 3.25,
};

const attempt: AttemptLine = {
  kind: 'webhook_attempt',
  time: '2026-11-23T12:00:02.000Z',
  shop_time: '2026-05-26T08:30:02Z',
  tenant: 'tnt_demo',
  delivery_id: 'whd_1',
  event_id: 'evt_1',
  event_type: 'order.paid',
  endpoint_id: 'wh_1',
  url: 'http://127.0.0.1:3000/hook',
  status: 'failed',
  response_code: 500,
  attempt: 2,
  attempts: 6,
  duration_ms: 4,
  next_retry_at: '2026-05-26T09:00:02Z',
  error: null,
};

describe('the pretty log line', () => {
  it('a request: wall time, shop time, method, path, status with problem type, ms, detail — one line', () => {
    const line = formatLine(request, 'pretty');
    expect(line).toBe('12:00:01  shop 2026-05-26 08:30:01  POST   /v1/payouts  422 unprocessable  3.3 ms  amount_cents exceeds the available balance');
    expect(formatLine({ ...request, status: 200, problem_type: null, detail: null, ms: 42.4, shop_time: null }, 'pretty')).toBe(
      '12:00:01  shop —                    POST   /v1/payouts  200  42 ms',
    );
  });

  it('a webhook attempt: event, endpoint, answer, attempt n of 6 and when the next one runs', () => {
    expect(formatLine(attempt, 'pretty')).toBe(
      '12:00:02  shop 2026-05-26 08:30:02  hook   order.paid → http://127.0.0.1:3000/hook  500 failed  attempt 2 of 6, next retry 2026-05-26 09:00:02',
    );
    expect(formatLine({ ...attempt, attempt: 6, next_retry_at: null, response_code: 0, error: 'ECONNREFUSED' }, 'pretty')).toContain(
      'no answer (ECONNREFUSED) failed  attempt 6 of 6, no more retries',
    );
    expect(formatLine({ ...attempt, status: 'succeeded', response_code: 204, next_retry_at: null }, 'pretty')).toMatch(/204 succeeded {2}attempt 2 of 6$/);
  });

  it('colours only when asked (a terminal), and the text stays the same', () => {
    const coloured = formatLine(request, 'pretty', true);
    expect(coloured).toContain('\x1b[33m422 unprocessable\x1b[0m');
    expect(coloured.replace(/\x1b\[\d+m/g, '')).toBe(formatLine(request, 'pretty'));
    expect(formatLine(request, 'pretty')).not.toContain('\x1b');
  });
});

describe('the JSON log line', () => {
  it('is the whole record on one line, ISO times', () => {
    for (const record of [request, attempt]) {
      const line = formatLine(record, 'json');
      expect(line).not.toContain('\n');
      expect(JSON.parse(line)).toEqual(record);
    }
  });
});
