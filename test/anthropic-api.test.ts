import { describe, expect, it } from 'vitest';
import { API_ORIGIN, requireApiOrigin } from '../src/anthropic-api';

describe('requireApiOrigin', () => {
  it('passes URLs on the API origin through, parsed', () => {
    expect(requireApiOrigin(`${API_ORIGIN}/v1/messages?beta=true`).pathname).toBe('/v1/messages');
  });

  it('refuses any other origin, naming it, in the words of whoever refused', () => {
    expect(() => requireApiOrigin('https://api.anthropic.com.evil.example/v1/messages')).toThrow(
      new TypeError('The playground only lets cells call https://api.anthropic.com; blocked: https://api.anthropic.com.evil.example/'),
    );
    expect(() => requireApiOrigin('http://api.anthropic.com/v1/models', 'live')).toThrow(
      new TypeError('Live mode only calls https://api.anthropic.com; refused: http://api.anthropic.com/'),
    );
  });
});
