import { describe, expect, it } from 'vitest';
import { envelopeProblem } from './envelope.ts';

const make = (format: number, keyVersion: number, length: number) => {
  const bytes = Buffer.alloc(length, 7);
  bytes[0] = format;
  bytes.writeUInt32BE(keyVersion, 1);
  return bytes.toString('base64');
};

describe('envelope shape check', () => {
  it('accepts format 1 of at least 45 bytes under the declared key version', () => {
    expect(envelopeProblem(make(1, 1, 45), 1)).toBeNull();
    expect(envelopeProblem(make(1, 1, 46), 1)).toBeNull();
    expect(envelopeProblem(make(1, 1, 47), 1)).toBeNull();
    expect(envelopeProblem(make(1, 0xfffffffe, 1000), 0xfffffffe)).toBeNull();
  });

  it('names what is wrong', () => {
    expect(envelopeProblem(make(1, 1, 44), 1)).toBe('envelope_too_short');
    expect(envelopeProblem('', 1)).toBe('envelope_too_short');
    expect(envelopeProblem(make(2, 1, 64), 1)).toBe('envelope_format_unknown');
    expect(envelopeProblem(make(0, 1, 64), 1)).toBe('envelope_format_unknown');
    expect(envelopeProblem(make(1, 2, 64), 1)).toBe('envelope_key_version_mismatch');
    expect(envelopeProblem(make(1, 256, 64), 1)).toBe('envelope_key_version_mismatch');
  });
});
