import { APIConnectionError } from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { describeError } from '../../src/runner/cell-errors';

describe('describeError', () => {
  it("shows why the SDK's connection error happened (its cause), with the CORS hint when that was the reason", () => {
    const refused = new APIConnectionError({ cause: new TypeError('The playground refused this live request: DELETE /v1/files/f is not an endpoint this course uses') });
    const described = describeError(refused, []);
    expect(described.message).toMatch(/^Connection error\. \(caused by TypeError: The playground refused this live request: DELETE \/v1\/files\/f/);

    const cors = new APIConnectionError({ cause: new TypeError('Failed to fetch (CORS: missing anthropic-dangerous-direct-browser-access)') });
    expect(describeError(cors, []).hint).toMatch(/dangerouslyAllowBrowser/);
  });

  it('leaves an error without a cause as it is', () => {
    expect(describeError(new RangeError('out of range'), [])).toMatchObject({ name: 'RangeError', message: 'out of range' });
  });
});
