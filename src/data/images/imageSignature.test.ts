import { describe, expect, it } from 'vitest';
import { imageTypeOf } from './imageSignature';

const ascii = (text: string) => new Uint8Array([...text].map((c) => c.charCodeAt(0)));

describe('imageTypeOf', () => {
  it.each([
    [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'png'],
    [new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), 'jpeg'],
    [ascii('GIF89a...'), 'gif'],
    [ascii('RIFF\u0000\u0000\u0000\u0000WEBPVP8 '), 'webp'],
  ])('knows %s', (bytes, type) => expect(imageTypeOf(bytes)).toBe(type));

  it.each([[ascii('hello, this is text')], [new Uint8Array(0)], [new Uint8Array([0x89, 0x50])], [ascii('RIFF\u0000\u0000\u0000\u0000WAVE')]])('rejects %s', (bytes) =>
    expect(imageTypeOf(bytes)).toBeNull(),
  );
});
