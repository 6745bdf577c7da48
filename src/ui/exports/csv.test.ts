import { describe, expect, it } from 'vitest';
import { csvField, csvLine } from './csv';

describe('CSV fields', () => {
  it('leave plain text and numbers as they are, and write unmeasured numbers as empty cells', () => {
    expect(csvField('step')).toBe('step');
    expect(csvField(-0.25)).toBe('-0.25');
    expect(csvField(1e-7)).toBe('1e-7');
    expect(csvField(NaN)).toBe('');
    expect(csvField(Infinity)).toBe('');
  });

  it('quote text with commas, quotes or line breaks, doubling the quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
  });

  it('join a line with commas and end it with CRLF', () => {
    expect(csvLine(['x', 1, NaN, 'a,"b"'])).toBe('x,1,,"a,""b"""\r\n');
  });
});
